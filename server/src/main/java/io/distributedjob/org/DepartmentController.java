package io.distributedjob.org;

import java.util.List;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.ApiResponse;
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
 * The spec's department API. Reading needs only a login (everyone picks departments in forms, and sees only
 * their own scope); changes need {@code department:manage}.
 */
@RestController
class DepartmentController {

    private final DepartmentService departments;

    DepartmentController(DepartmentService departments) {
        this.departments = departments;
    }

    @GetMapping("/departments")
    ApiResponse<List<DepartmentView>> list(CurrentUser user, @RequestParam(required = false) String keyword,
                                           @RequestParam(required = false, defaultValue = "false") boolean tree) {
        return ApiResponse.ok(tree ? departments.tree(user, keyword) : departments.list(user, keyword));
    }

    @GetMapping("/departments/{id}")
    ApiResponse<DepartmentView> get(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(departments.get(user, id));
    }

    @PostMapping("/departments")
    @RequirePermission(Permissions.DEPARTMENT_MANAGE)
    ApiResponse<DepartmentView> create(CurrentUser user, @Valid @RequestBody DepartmentRequest request) {
        return ApiResponse.ok(departments.create(user, request));
    }

    @PutMapping("/departments/{id}")
    @RequirePermission(Permissions.DEPARTMENT_MANAGE)
    ApiResponse<DepartmentView> update(CurrentUser user, @PathVariable long id, @Valid @RequestBody DepartmentRequest request) {
        return ApiResponse.ok(departments.update(user, id, request));
    }

    @DeleteMapping("/departments/{id}")
    @RequirePermission(Permissions.DEPARTMENT_MANAGE)
    ApiResponse<Void> delete(CurrentUser user, @PathVariable long id) {
        departments.delete(user, id);
        return ApiResponse.ok();
    }
}
