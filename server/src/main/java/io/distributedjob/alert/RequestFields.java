package io.distributedjob.alert;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.distributedjob.kernel.ApiException;
import tools.jackson.databind.JsonNode;

/** Reads the fields of a JSON request body, answering 400/4001 with the field's name when one is wrong. */
final class RequestFields {

    private final JsonNode body;
    private final String prefix;

    RequestFields(JsonNode body, String prefix) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid((prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1))
                    + ": must be a JSON object");
        }
        this.body = body;
        this.prefix = prefix;
    }

    RequestFields(JsonNode body) {
        this(body, "");
    }

    String name(String field) {
        return prefix + field;
    }

    JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    boolean has(String field) {
        return body.has(field);
    }

    String string(String field, boolean required, int maxLength) {
        JsonNode node = node(field);
        if (node == null || (node.isString() && node.asString().isBlank())) {
            if (required) {
                throw ApiException.invalid(name(field) + ": is required");
            }
            return null;
        }
        if (!node.isString()) {
            throw ApiException.invalid(name(field) + ": must be a string");
        }
        String value = node.asString().strip();
        if (value.length() > maxLength) {
            throw ApiException.invalid(name(field) + ": must be at most " + maxLength + " characters");
        }
        return value;
    }

    int integer(String field, int defaultValue, int min, int max) {
        JsonNode node = node(field);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw ApiException.invalid(name(field) + ": must be a whole number between " + min + " and " + max);
        }
        return node.asInt();
    }

    boolean bool(String field, boolean defaultValue) {
        JsonNode node = node(field);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw ApiException.invalid(name(field) + ": must be true or false");
        }
        return node.asBoolean();
    }

    long id(String field) {
        JsonNode node = node(field);
        if (node == null) {
            throw ApiException.invalid(name(field) + ": is required");
        }
        return positive(node, name(field));
    }

    static long positive(JsonNode node, String name) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            throw ApiException.invalid(name + ": must be a positive whole number");
        }
        return node.asLong();
    }

    JsonNode array(String field, boolean required) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                throw ApiException.invalid(name(field) + ": is required");
            }
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.invalid(name(field) + ": must be an array");
        }
        return node;
    }

    <E extends Enum<E>> E enumeration(String field, Class<E> type) {
        String text = string(field, true, 32);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Set<String> names = new TreeSet<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw ApiException.invalid(name(field) + ": must be one of " + String.join(", ", names));
        }
    }
}
