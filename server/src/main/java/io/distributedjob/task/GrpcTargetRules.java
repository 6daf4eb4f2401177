package io.distributedjob.task;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.distributedjob.targets.GrpcTarget;

/**
 * The fields of a gRPC target: service address and method, for the call and its fallback, and the rules of the
 * metadata sent with both.
 */
final class GrpcTargetRules {

    private static final Pattern GRPC_METHOD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A metadata key as gRPC sends it on the wire: lower case only. */
    private static final Pattern METADATA_KEY = Pattern.compile("[0-9a-z_.-]{1," + TaskLimits.HEADER_NAME_MAX + "}");
    /** Keys the gRPC client or the scheduler sets on every call, which a task would clash with. */
    private static final Set<String> RESERVED_KEYS = Set.of("content-type", "te", "user-agent", "host", "x-dj-fire-id",
            "traceparent", "tracestate");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");

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

    /**
     * A key gRPC sends as text metadata: not a pseudo-header, not one of gRPC's own {@code grpc-} keys nor one set on
     * every call, and not a {@code -bin} key, whose value would have to be bytes.
     */
    static boolean acceptsMetadataKey(TaskFields f, String key) {
        if (key.startsWith(":") || key.startsWith("grpc-") || RESERVED_KEYS.contains(key)) {
            return TargetHeaders.headerRefused(f, "metadataReserved", key,
                    "'" + key + "' is set by gRPC or the scheduler and cannot be configured");
        }
        if (!METADATA_KEY.matcher(key).matches()) {
            return TargetHeaders.headerRefused(f, "metadataKey", key, "'" + key
                    + "' is not a valid gRPC metadata key: use lower-case letters, digits, _ . and -");
        }
        if (key.endsWith("-bin")) {
            return TargetHeaders.headerRefused(f, "metadataBinary", key,
                    "'" + key + "' is binary metadata, which is not supported");
        }
        return true;
    }

    /** A value gRPC sends as text metadata. */
    static boolean acceptsMetadataValue(TaskFields f, String key, String value) {
        if (!PRINTABLE_ASCII.matcher(value).matches()) {
            return TargetHeaders.headerRefused(f, "metadataValue", key,
                    "the value of '" + key + "' must be printable ASCII");
        }
        return true;
    }
}
