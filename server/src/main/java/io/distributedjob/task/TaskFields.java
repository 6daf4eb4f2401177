package io.distributedjob.task;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.distributedjob.kernel.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed access to the fields of a JSON request body. Every refusal is a 400/4001 naming the field, with the
 * message key {@code validation.<rule>} and the values its text needs.
 */
final class TaskFields {

    private final JsonNode body;

    TaskFields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw notAnObject("body");
        }
        this.body = body;
    }

    JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    String string(String field, boolean required, int maxLength) {
        JsonNode node = node(field);
        if (node == null || (node.isString() && node.asString().isBlank())) {
            if (required) {
                throw ApiException.invalidField(field, "required", Map.of(), "is required");
            }
            return null;
        }
        if (!node.isString()) {
            throw ApiException.invalidField(field, "string", Map.of(), "must be a string");
        }
        String value = node.asString();
        if (value.length() > maxLength) {
            throw ApiException.invalidField(field, "maxLength", Map.of("max", maxLength),
                    "must be at most " + maxLength + " characters");
        }
        return value;
    }

    int integer(String field, boolean required, int defaultValue, int min, int max) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                throw ApiException.invalidField(field, "required", Map.of(), "is required");
            }
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.invalidField(field, "integer", Map.of(), "must be a whole number");
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw ApiException.invalidField(field, "range", Map.of("min", min, "max", max),
                    "must be between " + min + " and " + max);
        }
        return value;
    }

    boolean bool(String field, boolean defaultValue) {
        JsonNode node = node(field);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw ApiException.invalidField(field, "boolean", Map.of(), "must be true or false");
        }
        return node.asBoolean();
    }

    long id(String field) {
        JsonNode node = node(field);
        if (node == null) {
            throw ApiException.invalidField(field, "required", Map.of(), "is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            throw ApiException.invalidField(field, "positiveId", Map.of(), "must be a positive whole number");
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
            throw ApiException.invalidField(field, "oneOf", Map.of("values", String.join(", ", names)),
                    "must be one of " + String.join(", ", names));
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
            throw ApiException.invalidField(field, "maxLength", Map.of("max", maxLength),
                    "must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** The object a JSON string holds; null for a blank string, which counts as not given. */
    private static JsonNode parsedObject(String field, JsonNode node, JsonMapper json) {
        if (!node.isString()) {
            throw notAnObject(field);
        }
        if (node.asString().isBlank()) {
            return null;
        }
        JsonNode object;
        try {
            object = json.readTree(node.asString());
        } catch (RuntimeException e) {
            throw notAnObject(field);
        }
        if (object == null || !object.isObject()) {
            throw notAnObject(field);
        }
        return object;
    }

    private static ApiException notAnObject(String field) {
        return ApiException.invalidField(field, "jsonObject", Map.of(), "must be a JSON object");
    }
}
