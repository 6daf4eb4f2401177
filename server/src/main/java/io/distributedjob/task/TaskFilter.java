package io.distributedjob.task;

import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.TaskType;

/** What a task list is narrowed to; {@code departments} is never empty (the caller's scope, or one department of it). */
record TaskFilter(Set<Long> departments, String keyword, TaskType taskType, TaskStatus status) {

    /**
     * The filter of a list request within the caller's scope (403 for a department outside it), or null when
     * that scope is empty.
     */
    static TaskFilter of(DepartmentScope scope, CurrentUser user, Long departmentId, String keyword,
                         TaskType taskType, Integer status) {
        Set<Long> departments;
        if (departmentId != null) {
            scope.requireAccess(user, departmentId);
            departments = Set.of(departmentId);
        } else {
            departments = scope.visibleDepartments(user);
        }
        if (status != null && (status < TaskStatus.DISABLED.code() || status > TaskStatus.TEMPORARY.code())) {
            throw ApiException.invalid("status: must be 0, 1 or 2");
        }
        if (keyword != null && keyword.length() > TaskLimits.NAME_MAX) {
            throw ApiException.invalid("keyword: must be at most " + TaskLimits.NAME_MAX + " characters");
        }
        if (departments.isEmpty()) {
            return null;
        }
        return new TaskFilter(departments, keyword == null || keyword.isBlank() ? null : keyword.strip(),
                taskType, status == null ? null : TaskStatus.of(status));
    }
}
