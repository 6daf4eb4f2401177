package io.distributedjob.kernel;

import java.util.List;
import java.util.Map;

/** A failure the client can act on: carries the status/code pair and a message safe to show. */
public class ApiException extends RuntimeException {

    private final ErrorCode error;
    private final MessageKey key;
    private final List<FieldError> fieldErrors;

    public ApiException(ErrorCode error, String message) {
        this(error, message, null);
    }

    public ApiException(ErrorCode error, String message, MessageKey key) {
        this(error, message, key, List.of());
    }

    private ApiException(ErrorCode error, String message, MessageKey key, List<FieldError> fieldErrors) {
        super(message);
        this.error = error;
        this.key = key;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The translatable form of the message, or null when there is none. */
    public MessageKey key() {
        return key;
    }

    /** Every field problem of a refused request, in the order found; empty when the failure is not about fields. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * A 400/4001 about one field breaking one rule: the message is {@code <field>: <text>}, the key
     * {@code validation.<rule>} with the field and {@code params} as its values.
     */
    public static ApiException invalidField(String field, String rule, Map<String, Object> params, String text) {
        return invalidFields(List.of(FieldError.of(field, rule, params, text)));
    }

    /**
     * A 400/4001 reporting every field problem at once; its message and key are those of the first, so a client
     * that reads one error still finds it where it always was.
     */
    public static ApiException invalidFields(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        return new ApiException(ErrorCode.INVALID_PARAMETER, first.message(), first.key(), errors);
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
