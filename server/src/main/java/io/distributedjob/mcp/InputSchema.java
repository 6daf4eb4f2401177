package io.distributedjob.mcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of a tool's arguments, as an assistant reads it to fill them in. It describes; it does not
 * validate: the tools check their arguments as the REST API checks a body, with the same messages.
 */
final class InputSchema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    static InputSchema object() {
        return new InputSchema();
    }

    InputSchema integer(String name, String description) {
        return property(name, "integer", description);
    }

    InputSchema string(String name, String description) {
        return property(name, "string", description);
    }

    InputSchema bool(String name, String description) {
        return property(name, "boolean", description);
    }

    InputSchema oneOf(String name, String description, String... values) {
        properties.put(name, Map.of("type", "string", "enum", List.of(values), "description", description));
        return this;
    }

    /** A string that names a constant of {@code type}. */
    InputSchema oneOf(String name, String description, Class<? extends Enum<?>> type) {
        return oneOf(name, description, Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new));
    }

    /** A JSON object, or its text: request headers, gRPC parameters. */
    InputSchema object(String name, String description) {
        properties.put(name, Map.of("type", List.of("object", "string"), "description", description));
        return this;
    }

    InputSchema required(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    Map<String, Object> toMap() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        return schema;
    }

    private InputSchema property(String name, String type, String description) {
        properties.put(name, Map.of("type", type, "description", description));
        return this;
    }
}
