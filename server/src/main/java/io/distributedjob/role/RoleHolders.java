package io.distributedjob.role;

import java.util.Set;

/**
 * What the role rules need to know of the users holding a role. The user feature implements it, so that roles,
 * which users refer to, depend on no user code.
 */
public interface RoleHolders {

    /** How many users hold the role: one still held cannot be deleted. */
    long countWithRole(long roleId);

    /** The departments of the users who hold the role. */
    Set<Long> departmentsWithRole(long roleId);
}
