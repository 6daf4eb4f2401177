package io.distributedjob.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/** A failure the client can act on: carries the status/code pair and a message safe to show. */
public class ApiException extends RuntimeException {

    private final ErrorCode error;
    private final MessageKey key;

    public ApiException(ErrorCode error, String message) {
        this(error, message, null);
    }

    public ApiException(ErrorCode error, String message, MessageKey key) {
        super(message);
        this.error = error;
        this.key = key;
    }

    /** The translatable form of the message, or null when there is none. */
    public MessageKey key() {
        return key;
    }

    /**
     * A 400/4001 about one field breaking one rule: the message is {@code <field>: <text>}, the key
     * {@code validation.<rule>} with the field and {@code params} as its values.
     */
    public static ApiException invalidField(String field, String rule, Map<String, Object> params, String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("field", field);
        values.putAll(params);
        return new ApiException(ErrorCode.INVALID_PARAMETER, field + ": " + text,
                new MessageKey("validation." + rule, values));
    }

    /** A 409/4009 with the translatable key {@code conflict.<kind>} and its values. */
    public static ApiException conflict(String kind, Map<String, Object> params, String message) {
        return new ApiException(ErrorCode.CONFLICT, message, new MessageKey("conflict." + kind, params));
    }

    public ErrorCode error() {
        return error;
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }
}
