package io.distributedjob.rpc;

import io.distributedjob.kernel.ApiException;
import io.grpc.Status;

/**
 * The gRPC status of a failure, with the same meaning as the REST status of the same failure. The description is
 * the message the REST API would show: never a stack trace or an internal detail.
 */
final class RpcStatus {

    static final String INTERNAL_ERROR = "internal error";

    private RpcStatus() {
    }

    static Status of(ApiException e) {
        Status status = switch (e.error()) {
            case INVALID_PARAMETER, PAYLOAD_TOO_LARGE -> Status.INVALID_ARGUMENT;
            case UNAUTHORIZED -> Status.UNAUTHENTICATED;
            case FORBIDDEN -> Status.PERMISSION_DENIED;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.ALREADY_EXISTS;
            case TOO_MANY_REQUESTS -> Status.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case INTERNAL_ERROR -> Status.INTERNAL;
        };
        return status.withDescription(e.getMessage());
    }

    static Status internal() {
        return Status.INTERNAL.withDescription(INTERNAL_ERROR);
    }
}
