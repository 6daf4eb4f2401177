package io.distributedjob.task;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one manual fire changes of the task's definition. Each part is null when not overridden: the body and the
 * gRPC parameters replace the task's, the headers are laid over the task's (same name, case aside, wins) and the
 * query is appended to the task's URL.
 */
public record RunOverrides(String body, String headers, String query, String grpcParams) {

    public static final RunOverrides NONE = new RunOverrides(null, null, null, null);

    /** The task as this one fire runs it. */
    Task applyTo(Task t, JsonMapper json) {
        if (equals(NONE)) {
            return t;
        }
        TaskDefinition d = t.definition();
        TaskDefinition run = d.withRequest(withQuery(d.url()), mergedHeaders(d.headers(), json),
                body == null ? d.body() : body, grpcParams == null ? d.grpcParams() : grpcParams);
        return t.withDefinition(run);
    }

    private String withQuery(String url) {
        if (query == null || url == null) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + separator + query + fragment;
    }

    private String mergedHeaders(String own, JsonMapper json) {
        if (headers == null) {
            return own;
        }
        Map<String, JsonNode> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (own != null) {
            json.readTree(own).properties().forEach(header -> merged.put(header.getKey(), header.getValue()));
        }
        json.readTree(headers).properties().forEach(header -> {
            merged.remove(header.getKey());
            merged.put(header.getKey(), header.getValue());
        });
        ObjectNode object = json.createObjectNode();
        merged.forEach(object::set);
        return json.writeValueAsString(object);
    }
}
