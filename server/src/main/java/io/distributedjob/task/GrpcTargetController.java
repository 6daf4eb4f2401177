package io.distributedjob.task;

import java.util.List;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.ApiResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /tasks/grpc/methods} and {@code POST /tasks/grpc/test-call}, for whoever may create or edit tasks. */
@RestController
class GrpcTargetController {

    private final GrpcTargetService targets;

    GrpcTargetController(GrpcTargetService targets) {
        this.targets = targets;
    }

    @PostMapping("/tasks/grpc/methods")
    @RequirePermission({Permissions.TASK_CREATE, Permissions.TASK_UPDATE})
    ApiResponse<List<GrpcTargets.ServiceMethods>> methods(CurrentUser user, @RequestBody JsonNode body) {
        return ApiResponse.ok(targets.methods(user, body));
    }

    @PostMapping("/tasks/grpc/test-call")
    @RequirePermission({Permissions.TASK_CREATE, Permissions.TASK_UPDATE})
    ApiResponse<GrpcTargets.TestCall> testCall(CurrentUser user, @RequestBody JsonNode body) {
        return ApiResponse.ok(targets.testCall(user, body));
    }
}
