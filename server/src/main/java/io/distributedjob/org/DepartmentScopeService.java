package io.distributedjob.org;

import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Service;

/**
 * Computes scopes from the department table on every call: departments are few, and reading them fresh means a
 * change made through any instance applies at once everywhere, with no cache to invalidate.
 */
@Service
class DepartmentScopeService implements DepartmentScope {

    private static final String OUTSIDE_SCOPE = "outside your department scope";

    private final DepartmentRepository departments;

    DepartmentScopeService(DepartmentRepository departments) {
        this.departments = departments;
    }

    @Override
    public Set<Long> visibleDepartments(CurrentUser user) {
        DepartmentHierarchy hierarchy = hierarchy();
        if (hierarchy.isRoot(user.departmentId())) {
            return hierarchy.all();
        }
        return Set.copyOf(hierarchy.selfAndDescendants(user.departmentId()));
    }

    @Override
    public boolean seesEverything(CurrentUser user) {
        return hierarchy().isRoot(user.departmentId());
    }

    @Override
    public void requireAccess(CurrentUser user, long departmentId) {
        if (!canAccess(user, departmentId)) {
            throw ApiException.forbidden("department " + OUTSIDE_SCOPE);
        }
    }

    @Override
    public void requirePlacement(CurrentUser user, long departmentId, String field) {
        DepartmentHierarchy hierarchy = hierarchy();
        if (hierarchy.isRoot(user.departmentId())) {
            if (!hierarchy.contains(departmentId)) {
                throw ApiException.invalid(field + ": department " + departmentId + " does not exist");
            }
            return;
        }
        if (!hierarchy.selfAndDescendants(user.departmentId()).contains(departmentId)) {
            throw ApiException.forbidden(field + ": " + OUTSIDE_SCOPE);
        }
    }

    DepartmentHierarchy hierarchy() {
        return new DepartmentHierarchy(departments.links());
    }
}
