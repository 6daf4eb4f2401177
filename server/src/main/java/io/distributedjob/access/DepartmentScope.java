package io.distributedjob.access;

import java.util.Set;


/**
 * Department data scope: a user sees and acts on what belongs to their department and its sub-departments.
 * Only members of the root department (the bootstrap 总部, the one department without a parent) see the whole
 * organisation. Features that own department-bound data (tasks, records, users) ask this, never the department
 * table.
 *
 * <p>Refusals never name the department an object belongs to, and to a scoped caller a department that does not
 * exist looks the same as one outside their scope, so ids cannot be probed for what they hold.
 */
public interface DepartmentScope {

    /** The ids of the user's department and all its descendants (every department for a root member). */
    Set<Long> visibleDepartments(CurrentUser user);

    /** Whether the user belongs to the root department, whose members see every department. */
    boolean seesEverything(CurrentUser user);

    /** Whether {@code departmentId} lies within the user's scope. */
    default boolean canAccess(CurrentUser user, long departmentId) {
        return visibleDepartments(user).contains(departmentId);
    }

    /** Throws 403/4003 unless {@code departmentId} lies within the user's scope. */
    void requireAccess(CurrentUser user, long departmentId);

    /**
     * Checks that the user may put something (a task, a user) into {@code departmentId}, the value of the request
     * field {@code field}: 400/4001 naming the field when the department does not exist and the user sees
     * everything, else 403/4003 unless it lies within the user's scope.
     */
    void requirePlacement(CurrentUser user, long departmentId, String field);
}
