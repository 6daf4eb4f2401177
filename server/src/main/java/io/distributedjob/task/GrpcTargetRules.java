package io.distributedjob.task;

import java.util.Map;
import java.util.regex.Pattern;

import io.distributedjob.targets.GrpcTarget;

/** The fields of a gRPC target: service address and method, for the call and its fallback. */
final class GrpcTargetRules {

    private static final Pattern GRPC_METHOD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private GrpcTargetRules() {
    }

    static String service(TaskFields f, String field, boolean required) {
        String text = f.string(field, required, TaskLimits.GRPC_SERVICE_MAX);
        if (text == null) {
            return null;
        }
        try {
            GrpcTarget.parse(text);
        } catch (IllegalArgumentException e) {
            f.refuse(field, "grpcService", Map.of("reason", e.getMessage()), e.getMessage());
            return null;
        }
        return text.strip();
    }

    static String method(TaskFields f, String field, boolean required) {
        String text = f.string(field, required, TaskLimits.GRPC_METHOD_MAX);
        if (text == null) {
            return null;
        }
        if (!GRPC_METHOD.matcher(text.strip()).matches()) {
            f.refuse(field, "grpcMethod", Map.of(), "must be a method name such as SayHello");
            return null;
        }
        return text.strip();
    }

    /**
     * A fallback names both its service and its method, or neither; a half already refused for its own sake is
     * not refused again for the other.
     */
    static void requireWholeFallback(TaskFields f, String service, String method) {
        if ((service == null) != (method == null)
                && !f.refused("fallbackGrpcService") && !f.refused("fallbackGrpcMethod")) {
            f.refuse(service == null ? "fallbackGrpcService" : "fallbackGrpcMethod",
                    "together", Map.of("with", service == null ? "fallbackGrpcMethod" : "fallbackGrpcService"),
                    "fallbackGrpcService and fallbackGrpcMethod go together");
        }
    }
}
