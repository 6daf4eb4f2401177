package io.distributedjob.task;

import java.time.Duration;
import java.util.List;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gRPC side of the task form: the methods of a target and a test call of one, each read from a body with the
 * gRPC task's own fields ({@code grpcService}, {@code grpcTls}, {@code timeout}, {@code departmentId}, and for a
 * call {@code grpcMethod}, {@code grpcParams} and {@code headers}, the metadata, checked as a task's). The
 * department is the task's, within the caller's scope as for a task being saved; a test call is audited, never
 * recorded as an execution.
 */
@Service
class GrpcTargetService {

    /** The form waits on a listing, so it gives up sooner than a long task timeout would. */
    static final int LISTING_TIMEOUT_MAX_SECONDS = 10;

    private final GrpcTargets targets;
    private final TargetHeaders headers;
    private final DepartmentScope scope;
    private final AuditLog audit;
    private final JsonMapper json;

    GrpcTargetService(GrpcTargets targets, TargetHeaders headers, DepartmentScope scope, AuditLog audit,
                      JsonMapper json) {
        this.targets = targets;
        this.headers = headers;
        this.scope = scope;
        this.audit = audit;
        this.json = json;
    }

    List<GrpcTargets.ServiceMethods> methods(CurrentUser user, JsonNode body) {
        TaskFields f = new TaskFields(body);
        requireDepartment(user, f);
        String service = f.string("grpcService", true, TaskLimits.GRPC_SERVICE_MAX).strip();
        int timeout = Math.min(timeout(f), LISTING_TIMEOUT_MAX_SECONDS);
        return targets.describe(service, f.bool("grpcTls", false), Duration.ofSeconds(timeout));
    }

    GrpcTargets.TestCall testCall(CurrentUser user, JsonNode body) {
        try {
            TaskFields f = new TaskFields(body);
            requireDepartment(user, f);
            String service = GrpcTargetRules.service(f, "grpcService", true);
            String method = GrpcTargetRules.method(f, "grpcMethod", true);
            String params = f.jsonObject("grpcParams", TaskLimits.BODY_MAX, json);
            String metadata = headers.grpc(f);
            boolean tls = f.bool("grpcTls", false);
            Duration timeout = Duration.ofSeconds(timeout(f));
            GrpcTargets.TestCall result = f.valid(() -> targets.call(service, method, params,
                    TargetHeaders.values(metadata, json), tls, timeout));
            audit.record(user, AuditLog.TEST_CALL, AuditLog.TASK, null, result.success() ? Outcome.SUCCESS : Outcome.FAILURE,
                    service + "/" + method + ": " + result.status() + " in " + result.durationMs() + " ms");
            return result;
        } catch (ApiException e) {
            audit.record(user, AuditLog.TEST_CALL, AuditLog.TASK, null, Outcome.FAILURE, e.getMessage());
            throw e;
        }
    }

    private int timeout(TaskFields f) {
        return f.integer("timeout", false, TaskValidator.DEFAULT_TIMEOUT, 1, TaskLimits.TIMEOUT_MAX);
    }

    /** The task's department, when the form names one, must be one the caller may put a task in. */
    private void requireDepartment(CurrentUser user, TaskFields f) {
        if (f.node("departmentId") != null) {
            scope.requirePlacement(user, f.id("departmentId"), "departmentId");
        }
    }
}
