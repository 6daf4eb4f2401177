package io.distributedjob.org;

import java.util.Set;

/**
 * What the department rules need to know of the users in departments. The user feature implements it, so that
 * departments, which users refer to, depend on no user code.
 */
public interface DepartmentMembers {

    /** How many users belong to the department: one that still has users cannot be deleted. */
    long countInDepartment(long departmentId);

    /** Ends every session of the users in these departments, as disabling a department must. */
    void endSessionsIn(Set<Long> departmentIds);
}
