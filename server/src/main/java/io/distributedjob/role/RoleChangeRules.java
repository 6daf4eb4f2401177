package io.distributedjob.role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Component;

/**
 * Who may change or delete a role. A role is within a manager's scope when every user holding it is in the
 * manager's department scope and the manager holds every permission the role has: changing a role changes what
 * its holders can do, so nobody may reach users they could not manage one by one. The role one holds oneself is
 * out of reach, so nobody locks themselves out; the bootstrap administrator role keeps every permission and stays
 * enabled, whoever asks, so the organisation always has someone who can repair it.
 */
@Component
class RoleChangeRules {

    private static final int ENABLED = 1;

    private final RoleRepository roles;
    private final RoleHolders users;
    private final DepartmentScope scope;

    RoleChangeRules(RoleRepository roles, RoleHolders users, DepartmentScope scope) {
        this.roles = roles;
        this.users = users;
        this.scope = scope;
    }

    void requireChangeable(CurrentUser actor, Role role) {
        if (actor.roleId() == role.id()) {
            throw ApiException.forbidden("you cannot change or delete the role you hold");
        }
        if (!scope.visibleDepartments(actor).containsAll(users.departmentsWithRole(role.id()))) {
            throw ApiException.forbidden("role " + role.id() + " is held by users outside your department scope");
        }
        Set<String> beyond = beyond(actor, roles.permissionsOf(role.id()).stream().map(Permission::code).toList());
        if (!beyond.isEmpty()) {
            throw ApiException.forbidden("role " + role.id() + " holds permissions you do not have: " + String.join(", ", beyond));
        }
    }

    /** Refuses to disable the administrator role or take any permission from it. */
    void requireAdministrationKept(Role role, int status, Set<Long> permissionIds) {
        if (!isAdministrator(role)) {
            return;
        }
        if (status != ENABLED) {
            throw ApiException.invalid("status: the administrator role cannot be disabled");
        }
        if (!permissionIds.containsAll(roles.allPermissions().stream().map(Permission::id).toList())) {
            throw ApiException.invalid("permissions: the administrator role keeps every permission");
        }
    }

    void requireDeletable(Role role) {
        if (isAdministrator(role)) {
            throw ApiException.conflict("administratorRole", Map.of(), "the administrator role cannot be deleted");
        }
    }

    /** The codes among {@code codes} that the actor does not hold. */
    static Set<String> beyond(CurrentUser actor, List<String> codes) {
        Set<String> missing = new LinkedHashSet<>();
        codes.stream().filter(code -> !actor.has(code)).forEach(missing::add);
        return missing;
    }

    private boolean isAdministrator(Role role) {
        return roles.administratorRoleId().filter(id -> id == role.id()).isPresent();
    }
}
