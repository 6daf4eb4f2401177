package io.distributedjob.execution.grpc;

/**
 * The outcome of one gRPC call.
 *
 * @param statusCode the gRPC status code ({@code 0} OK)
 * @param response   the response message as JSON, when the call succeeded
 * @param error      what went wrong, when it did not
 */
public record GrpcCallResult(int statusCode, String response, String error) {

    public boolean success() {
        return statusCode == io.grpc.Status.Code.OK.value();
    }

    /** The response, cut to its first {@code maxLength} characters when it is longer. */
    public String responseCutTo(int maxLength) {
        return response == null || response.length() <= maxLength ? response : response.substring(0, maxLength);
    }

    static GrpcCallResult ok(String response) {
        return new GrpcCallResult(io.grpc.Status.Code.OK.value(), response, null);
    }

    static GrpcCallResult failed(io.grpc.Status status) {
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return new GrpcCallResult(status.getCode().value(), null, status.getCode() + description);
    }
}
