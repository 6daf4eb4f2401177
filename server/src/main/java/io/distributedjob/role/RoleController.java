package io.distributedjob.role;

import java.util.List;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageResult;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The spec's role and permission API. Roles are read by role managers and by user managers (who pick a role
 * for a user); changes need {@code role:manage}. The permission catalogue is open to every logged-in user.
 */
@RestController
class RoleController {

    private final RoleService roles;

    RoleController(RoleService roles) {
        this.roles = roles;
    }

    @GetMapping("/roles")
    @RequirePermission({Permissions.ROLE_MANAGE, Permissions.USER_MANAGE})
    ApiResponse<PageResult<RoleView>> list(PageParameters paging,
                                           @RequestParam(required = false) String keyword) {
        return ApiResponse.ok(roles.list(keyword, paging.query()));
    }

    @GetMapping("/roles/{id}")
    @RequirePermission({Permissions.ROLE_MANAGE, Permissions.USER_MANAGE})
    ApiResponse<RoleView> get(@PathVariable long id) {
        return ApiResponse.ok(roles.get(id));
    }

    @PostMapping("/roles")
    @RequirePermission(Permissions.ROLE_MANAGE)
    ApiResponse<RoleView> create(CurrentUser user, @Valid @RequestBody RoleRequest request) {
        return ApiResponse.ok(roles.create(user, request));
    }

    @PutMapping("/roles/{id}")
    @RequirePermission(Permissions.ROLE_MANAGE)
    ApiResponse<RoleView> update(CurrentUser user, @PathVariable long id, @Valid @RequestBody RoleRequest request) {
        return ApiResponse.ok(roles.update(user, id, request));
    }

    @DeleteMapping("/roles/{id}")
    @RequirePermission(Permissions.ROLE_MANAGE)
    ApiResponse<Void> delete(CurrentUser user, @PathVariable long id) {
        roles.delete(user, id);
        return ApiResponse.ok();
    }

    @GetMapping("/permissions")
    ApiResponse<List<Permission>> permissions() {
        return ApiResponse.ok(roles.permissions());
    }
}
