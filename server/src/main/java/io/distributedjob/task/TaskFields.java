package io.distributedjob.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed access to the fields of a JSON request body, gathering every refusal rather than stopping at the first:
 * a refused field reads as not given (or as its default), and {@link #valid} then answers one 400/4001 listing
 * every field problem, each with the message key {@code validation.<rule>} and the values its text needs. A field
 * is refused once: its first problem is the one reported.
 */
final class TaskFields {

    private static final String IS_REQUIRED = "is required";
    private static final String NOT_AN_OBJECT = "must be a JSON object";

    private final JsonNode body;
    private final Map<String, FieldError> refusals = new LinkedHashMap<>();

    TaskFields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "jsonObject", Map.of(), NOT_AN_OBJECT);
        }
        this.body = body;
    }

    /** Records that {@code field} breaks {@code rule}, unless a problem of that field is already recorded. */
    void refuse(String field, String rule, Map<String, Object> params, String text) {
        refusals.putIfAbsent(field, FieldError.of(field, rule, params, text));
    }

    boolean refused(String field) {
        return refusals.containsKey(field);
    }

    /** What {@code value} makes of the fields when none was refused; otherwise the refusal of every problem. */
    <T> T valid(Supplier<T> value) {
        if (!refusals.isEmpty()) {
            throw ApiException.invalidFields(List.copyOf(refusals.values()));
        }
        return value.get();
    }

    JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    String string(String field, boolean required, int maxLength) {
        JsonNode node = node(field);
        if (node == null || (node.isString() && node.asString().isBlank())) {
            if (required) {
                refuse(field, "required", Map.of(), IS_REQUIRED);
            }
            return null;
        }
        if (!node.isString()) {
            refuse(field, "string", Map.of(), "must be a string");
            return null;
        }
        String value = node.asString();
        if (value.length() > maxLength) {
            refuseLength(field, maxLength);
            return null;
        }
        return value;
    }

    int integer(String field, boolean required, int defaultValue, int min, int max) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                refuse(field, "required", Map.of(), IS_REQUIRED);
            }
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            refuse(field, "integer", Map.of(), "must be a whole number");
            return defaultValue;
        }
        int value = node.asInt();
        if (value < min || value > max) {
            refuse(field, "range", Map.of("min", min, "max", max), "must be between " + min + " and " + max);
            return defaultValue;
        }
        return value;
    }

    boolean bool(String field, boolean defaultValue) {
        JsonNode node = node(field);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            refuse(field, "boolean", Map.of(), "must be true or false");
            return defaultValue;
        }
        return node.asBoolean();
    }

    /** A required id; 0 when it is refused. */
    long id(String field) {
        JsonNode node = node(field);
        if (node == null) {
            refuse(field, "required", Map.of(), IS_REQUIRED);
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            refuse(field, "positiveId", Map.of(), "must be a positive whole number");
            return 0;
        }
        return node.asLong();
    }

    <E extends Enum<E>> E enumeration(String field, Class<E> type, E defaultValue) {
        String text = string(field, false, TaskLimits.ENUM_NAME_MAX);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Set<String> names = new TreeSet<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            refuse(field, "oneOf", Map.of("values", String.join(", ", names)), "must be one of " + String.join(", ", names));
            return defaultValue;
        }
    }

    /**
     * A field that holds a JSON object: given as a JSON string (the spec's form) or as an object; stored as text.
     */
    String jsonObject(String field, int maxLength, JsonMapper json) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        JsonNode object = node.isObject() ? node : parsedObject(field, node, json);
        if (object == null) {
            return null;
        }
        String text = json.writeValueAsString(object);
        if (text.length() > maxLength) {
            refuseLength(field, maxLength);
            return null;
        }
        return text;
    }

    /** The object a JSON string holds; null for a blank string, which counts as not given, or a refused one. */
    private JsonNode parsedObject(String field, JsonNode node, JsonMapper json) {
        if (!node.isString()) {
            return notAnObject(field);
        }
        if (node.asString().isBlank()) {
            return null;
        }
        JsonNode object;
        try {
            object = json.readTree(node.asString());
        } catch (RuntimeException e) {
            return notAnObject(field);
        }
        return object == null || !object.isObject() ? notAnObject(field) : object;
    }

    private JsonNode notAnObject(String field) {
        refuse(field, "jsonObject", Map.of(), NOT_AN_OBJECT);
        return null;
    }

    private void refuseLength(String field, int maxLength) {
        refuse(field, "maxLength", Map.of("max", maxLength), "must be at most " + maxLength + " characters");
    }
}
