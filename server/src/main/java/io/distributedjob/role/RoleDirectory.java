package io.distributedjob.role;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/** Read access to roles for other features: names and the permission codes a role grants. */
@Service
public class RoleDirectory {

    private final RoleRepository roles;

    RoleDirectory(RoleRepository roles) {
        this.roles = roles;
    }

    public boolean exists(long roleId) {
        return roles.findById(roleId).isPresent();
    }

    public Optional<String> nameOf(long roleId) {
        return roles.findById(roleId).map(Role::name);
    }

    /** Every role's name by id. */
    public Map<Long, String> names() {
        return roles.names();
    }

    /** The codes the role grants now: none while the role is disabled or missing. */
    public Set<String> grantedPermissions(long roleId) {
        return new LinkedHashSet<>(roles.grantedCodes(roleId));
    }

    /**
     * Every code assigned to the role, enabled or not: what someone must hold themselves before they may hand
     * this role to a user or change it.
     */
    public Set<String> assignedPermissions(long roleId) {
        Set<String> codes = new LinkedHashSet<>();
        roles.permissionsOf(roleId).forEach(permission -> codes.add(permission.code()));
        return codes;
    }
}
