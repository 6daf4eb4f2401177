package io.distributedjob.org;

import java.util.Set;

import io.distributedjob.auth.CurrentUser;

/**
 * Department data scope: a user sees and acts on what belongs to their department and its sub-departments.
 * A member of a top-level department (one without a parent, such as the root 总部) sees the whole organisation.
 * Features that own department-bound data (tasks, records, users) ask this, never the department table.
 */
public interface DepartmentScope {

    /** The ids of the user's department and all its descendants (every department for a top-level member). */
    Set<Long> visibleDepartments(CurrentUser user);

    /** Whether the user's department is a top-level one, whose members see every department. */
    boolean seesEverything(CurrentUser user);

    /** Whether {@code departmentId} lies within the user's scope. */
    default boolean canAccess(CurrentUser user, long departmentId) {
        return visibleDepartments(user).contains(departmentId);
    }

    /** Throws 403/4003 unless {@code departmentId} lies within the user's scope. */
    void requireAccess(CurrentUser user, long departmentId);
}
