package io.distributedjob.rpc;

import java.util.stream.Collectors;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.FieldError;
import io.grpc.Status;

/**
 * The gRPC status of a failure, with the same meaning as the REST status of the same failure. The description is
 * the message the REST API would show (or, for several field problems, each of their messages): never a stack
 * trace or an internal detail.
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
        return status.withDescription(description(e));
    }

    /** A call has no data beside its status: a refusal of several fields names them all there, one after another. */
    static String description(ApiException e) {
        if (e.fieldErrors().size() < 2) {
            return e.getMessage();
        }
        return e.fieldErrors().stream().map(FieldError::message).collect(Collectors.joining("; "));
    }

    static Status internal() {
        return Status.INTERNAL.withDescription(INTERNAL_ERROR);
    }
}
