package io.distributedjob.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the task form needs from the gRPC client: the methods a target offers, read by server reflection, and one
 * call of a method outside any fire. A target the target policy refuses, or that cannot be parsed, is refused with
 * a 400/4001 naming {@code grpcService} before any connection is made.
 */
public interface GrpcTargets {

    /**
     * The services of the target of {@code grpcService} ({@code <target>} or {@code <target>/<package.Service>}),
     * each with its methods; a 400/4001 naming {@code grpcService} when the target cannot be reached or described
     * within {@code timeout}.
     */
    List<ServiceMethods> describe(String grpcService, boolean tls, Duration timeout);

    /**
     * Calls {@code method} of {@code grpcService} once with {@code jsonParams} as the request and {@code metadata}
     * sent with it, within {@code timeout}.
     */
    TestCall call(String grpcService, String method, String jsonParams, Map<String, String> metadata, boolean tls,
                  Duration timeout);

    /** A service and its methods, in the order the service declares them. */
    record ServiceMethods(String service, List<Method> methods) {
    }

    /**
     * @param name            the method's name, as {@code grpcMethod} takes it
     * @param inputType       full name of the request message
     * @param outputType      full name of the response message
     * @param callable        whether a task can call it: only unary methods can
     * @param requestTemplate the request message as JSON with every field given an example value
     */
    record Method(String name, String inputType, String outputType, boolean clientStreaming, boolean serverStreaming,
                  boolean callable, String requestTemplate) {
    }

    /**
     * The outcome of a test call.
     *
     * @param statusCode the gRPC status code ({@code 0} OK)
     * @param status     its name, such as {@code OK} or {@code UNAVAILABLE}
     * @param durationMs how long the call took, schema lookup included
     * @param response   the response as JSON, cut to {@code job.responseMaxBytes}, when the call succeeded
     * @param error      what went wrong, when it did not
     */
    record TestCall(boolean success, int statusCode, String status, long durationMs, String response, String error) {
    }
}
