package io.distributedjob.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.ErrorCode;
import io.distributedjob.kernel.FieldError;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure a request can meet to the envelope and status/code pair of the API contract. Unexpected
 * exceptions are logged in full under a reference that the client receives instead of any internals.
 */
@RestControllerAdvice
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    /**
     * A keyed failure carries its key as {@code data}; a refusal of fields carries beside it every field problem,
     * the first of which is the message and key.
     */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<? extends ApiResponse<?>> api(ApiException e) {
        if (e.key() == null) {
            return respond(e.error(), e.getMessage());
        }
        Object data = e.fieldErrors().isEmpty() ? e.key()
                : new RefusedFields(e.key().messageKey(), e.key().params(), e.fieldErrors());
        return ResponseEntity.status(e.error().status()).body(new ApiResponse<>(e.error().code(), e.getMessage(), data));
    }

    /** A query parameter bound into a record that is not of its type is named as a lone parameter would be. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiResponse<Void>> validation(BindException e) {
        String message = e.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof org.springframework.validation.FieldError field
                        ? field.getField() + ": " + (field.contains(TypeMismatchException.class)
                                ? "must be " + expected(field.unwrap(TypeMismatchException.class).getRequiredType())
                                : field.getDefaultMessage())
                        : error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(ErrorCode.INVALID_PARAMETER, message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> parameterValidation(HandlerMethodValidationException e) {
        String message = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(ErrorCode.INVALID_PARAMETER, message);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return respond(ErrorCode.INVALID_PARAMETER, e.getParameterName() + ": is required");
    }

    /** Tomcat refuses to decode a query parameter with a bad {@code %} escape or encoding only when it is read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiResponse<Void>> undecodableParameter(InvalidParameterException e) {
        return respond(ErrorCode.INVALID_PARAMETER, "query: a parameter has a bad % escape or is not UTF-8");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ErrorCode.INVALID_PARAMETER, e.getName() + ": must be " + expected(e.getRequiredType()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        if (hasCause(e, PayloadTooLargeException.class)) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, "request body is too large");
        }
        return respond(ErrorCode.INVALID_PARAMETER, "malformed JSON request body");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorCode.INVALID_PARAMETER, "Content-Type must be application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiResponse<Void>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(ErrorCode.INVALID_PARAMETER, "the API answers in application/json only");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> methodNotSupported(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedHttpMethods() == null ? "" : " (allowed: " + e.getSupportedHttpMethods()
                .stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
        return respond(ErrorCode.NOT_FOUND, "no route for method " + e.getMethod() + allowed);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiResponse<Void>> noRoute(Exception e) {
        return respond(ErrorCode.NOT_FOUND, "not found");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        if (hasCause(e, PayloadTooLargeException.class)) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, "request body is too large");
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        return respond(ErrorCode.INTERNAL_ERROR, "internal server error (reference " + reference + ")");
    }

    /** The {@code data} of a refusal of fields: the first problem's key, then all of them. */
    private record RefusedFields(String messageKey, Map<String, Object> params, List<FieldError> fieldErrors) {
    }

    private static ResponseEntity<ApiResponse<Void>> respond(ErrorCode error, String message) {
        return ResponseEntity.status(error.status()).body(ApiResponse.error(error, message));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a valid " + type.getSimpleName();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
