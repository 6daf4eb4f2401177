package io.distributedjob.web;

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

    public HttpStatus status() {
        return status;
    }

    public int code() {
        return code;
    }
}
