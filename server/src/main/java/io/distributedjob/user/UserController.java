package io.distributedjob.user;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageResult;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The spec's user API: {@code user:manage} within one's department scope; everyone may change their own
 * password (with the old one).
 */
@RestController
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/users")
    @RequirePermission(Permissions.USER_MANAGE)
    ApiResponse<PageResult<UserView>> list(CurrentUser user,
                                           PageParameters paging,
                                           @RequestParam(required = false) Long departmentId,
                                           @RequestParam(required = false) String keyword) {
        return ApiResponse.ok(users.list(user, departmentId, keyword, paging.query()));
    }

    @GetMapping("/users/{id}")
    @RequirePermission(Permissions.USER_MANAGE)
    ApiResponse<UserView> get(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(users.get(user, id));
    }

    @PostMapping("/users")
    @RequirePermission(Permissions.USER_MANAGE)
    ApiResponse<UserView> create(CurrentUser user, @Valid @RequestBody UserRequest request) {
        return ApiResponse.ok(users.create(user, request));
    }

    @PutMapping("/users/{id}")
    @RequirePermission(Permissions.USER_MANAGE)
    ApiResponse<UserView> update(CurrentUser user, @PathVariable long id, @Valid @RequestBody UserRequest request) {
        return ApiResponse.ok(users.update(user, id, request));
    }

    @DeleteMapping("/users/{id}")
    @RequirePermission(Permissions.USER_MANAGE)
    ApiResponse<Void> delete(CurrentUser user, @PathVariable long id) {
        users.delete(user, id);
        return ApiResponse.ok();
    }

    @PatchMapping("/users/{id}/password")
    ApiResponse<Void> changePassword(CurrentUser user, @PathVariable long id, @RequestBody PasswordChangeRequest request) {
        users.changePassword(user, id, request);
        return ApiResponse.ok();
    }
}
