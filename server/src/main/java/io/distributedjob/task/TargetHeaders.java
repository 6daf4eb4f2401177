package io.distributedjob.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code headers} field of a task or of the overrides of a run: a JSON object of string values, read here
 * once for both kinds of target. An HTTP task sends them as request headers ({@link HttpTargetRules} checks the
 * names and values), a gRPC task as the metadata of its calls ({@link GrpcTargetRules} does).
 */
@Component
class TargetHeaders {

    /** Checks a header's name, refusing it through {@link #headerRefused} when it does not pass. */
    @FunctionalInterface
    interface NameRule {
        boolean accepts(TaskFields f, String name);
    }

    /** Checks a header's value, refusing it through {@link #headerRefused} when it does not pass. */
    @FunctionalInterface
    interface ValueRule {
        boolean accepts(TaskFields f, String name, String value);
    }

    private final JsonMapper json;

    TargetHeaders(JsonMapper json) {
        this.json = json;
    }

    /** The headers of an HTTP target as a JSON object's text; null when not given or refused. */
    String http(TaskFields f) {
        return read(f, HttpTargetRules::acceptsHeaderName, HttpTargetRules::acceptsHeaderValue);
    }

    /** The metadata of a gRPC target as a JSON object's text; null when not given or refused. */
    String grpc(TaskFields f) {
        return read(f, GrpcTargetRules::acceptsMetadataKey, GrpcTargetRules::acceptsMetadataValue);
    }

    /** Stored or validated headers as name to value, in their given order; empty when there are none. */
    static Map<String, String> values(String headers, JsonMapper json) {
        if (headers == null || headers.isBlank()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        json.readTree(headers).properties()
                .forEach(header -> values.put(header.getKey(), header.getValue().asString()));
        return Collections.unmodifiableMap(values);
    }

    static boolean headerRefused(TaskFields f, String rule, String header, String text) {
        f.refuse("headers", rule, Map.of("header", header), text);
        return false;
    }

    /** Refused for its first bad header. */
    private String read(TaskFields f, NameRule names, ValueRule values) {
        String text = f.jsonObject("headers", TaskLimits.HEADERS_MAX, json);
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, JsonNode> header : json.readTree(text).properties()) {
            String name = header.getKey();
            if (!names.accepts(f, name)) {
                return null;
            }
            if (!header.getValue().isString()) {
                headerRefused(f, "headerValueText", name, "the value of '" + name + "' must be a string");
                return null;
            }
            if (!values.accepts(f, name, header.getValue().asString())) {
                return null;
            }
        }
        return text;
    }
}
