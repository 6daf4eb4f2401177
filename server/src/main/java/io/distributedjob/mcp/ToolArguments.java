package io.distributedjob.mcp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.TaskType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The arguments of one tool call, read with the REST API's 400/4001 messages naming the field. */
final class ToolArguments {

    private static final int TASK_TYPE_MAX = 16;

    private final ObjectNode node;

    ToolArguments(ObjectNode node) {
        this.node = node;
    }

    /** All arguments, as the JSON object a REST body would be. */
    ObjectNode asBody() {
        return node.deepCopy();
    }

    /** All arguments but {@code field}, as the JSON object a REST body would be. */
    ObjectNode asBodyWithout(String field) {
        ObjectNode body = node.deepCopy();
        body.remove(field);
        return body;
    }

    long id(String field) {
        Long id = optionalId(field);
        if (id == null) {
            throw ApiException.invalid(field + ": is required");
        }
        return id;
    }

    Long optionalId(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw ApiException.invalid(field + ": must be a positive whole number");
        }
        return value.asLong();
    }

    /** The id in {@code field} when it is a well-formed one, else null; never fails (for the audit trail). */
    Long idIfValid(String field) {
        try {
            return optionalId(field);
        } catch (ApiException e) {
            return null;
        }
    }

    /** A whole number that the service called checks the range of. */
    Integer optionalInteger(String field) {
        return optionalInteger(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    int integer(String field, int min, int max, int fallback) {
        Integer value = optionalInteger(field, min, max);
        return value == null ? fallback : value;
    }

    Integer optionalInteger(String field, int min, int max) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiException.invalid(field + ": must be a whole number between " + min + " and " + max);
        }
        return value.asInt();
    }

    boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            throw ApiException.invalid(field + ": is required");
        }
        if (!value.isBoolean()) {
            throw ApiException.invalid(field + ": must be true or false");
        }
        return value.asBoolean();
    }

    Boolean optionalBool(String field) {
        return value(field) == null ? null : bool(field);
    }

    String optionalString(String field, int maxLength) {
        JsonNode value = value(field);
        if (value == null || (value.isString() && value.asString().isBlank())) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.invalid(field + ": must be a string");
        }
        if (value.asString().length() > maxLength) {
            throw ApiException.invalid(field + ": must be at most " + maxLength + " characters");
        }
        return value.asString().strip();
    }

    String string(String field, int maxLength) {
        String value = optionalString(field, maxLength);
        if (value == null) {
            throw ApiException.invalid(field + ": is required");
        }
        return value;
    }

    TaskType optionalTaskType(String field) {
        String text = optionalString(field, TASK_TYPE_MAX);
        if (text == null) {
            return null;
        }
        try {
            return TaskType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + ": must be HTTP or GRPC");
        }
    }

    /** An ISO-8601 date-time with offset, such as {@code 2026-05-01T00:00:00+08:00}. */
    Instant optionalInstant(String field) {
        String text = optionalString(field, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field + ": must be an ISO-8601 date-time with offset, such as 2026-05-01T00:00:00+08:00");
        }
    }

    private JsonNode value(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
