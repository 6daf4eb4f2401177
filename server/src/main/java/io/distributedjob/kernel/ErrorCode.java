package io.distributedjob.kernel;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/** The HTTP status and envelope code pairs of the API contract; a status always travels with its code. */
public enum ErrorCode {
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, 4001),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, 4010),
    FORBIDDEN(HttpStatus.FORBIDDEN, 4003),
    NOT_FOUND(HttpStatus.NOT_FOUND, 4004),
    CONFLICT(HttpStatus.CONFLICT, 4009),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, 4013),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, 4029),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, 5000),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, 5000);

    private final HttpStatus status;
    private final int code;

    ErrorCode(HttpStatus status, int code) {
        this.status = status;
        this.code = code;
    }

    /** The pair for an HTTP error status the container or a filter set, such as a request Tomcat refused. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400, 405, 415 -> INVALID_PARAMETER;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 413 -> PAYLOAD_TOO_LARGE;
            default -> INTERNAL_ERROR;
        };
    }

    /** The message of an error known only by its status: its name in words, never a container's page. */
    public String genericMessage() {
        return this == INTERNAL_ERROR ? "internal server error" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public HttpStatus status() {
        return status;
    }

    public int code() {
        return code;
    }
}
