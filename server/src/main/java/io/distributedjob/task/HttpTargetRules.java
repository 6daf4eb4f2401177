package io.distributedjob.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fields of an HTTP target: URL, method and headers, checked for a task and for the overrides of a run. */
@Component
class HttpTargetRules {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers the HTTP client sets itself and refuses to take from a task. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer");
    private static final Pattern HEADER_NAME =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1," + TaskLimits.HEADER_NAME_MAX + "}");

    private final JsonMapper json;

    HttpTargetRules(JsonMapper json) {
        this.json = json;
    }

    static String url(TaskFields f, String field, boolean required) {
        String text = f.string(field, required, TaskLimits.URL_MAX);
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw ApiException.invalidField(field, "url", Map.of(), "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalidField(field, "httpUrl", Map.of(), "must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.invalidField(field, "urlHost", Map.of(), "must name a host");
        }
        return uri.toString();
    }

    static String method(TaskFields f) {
        String method = f.string("httpMethod", true, TaskLimits.HTTP_METHOD_MAX).toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            throw ApiException.invalidField("httpMethod", "oneOf", Map.of("values", "GET, POST, PUT, PATCH, DELETE"),
                    "must be one of GET, POST, PUT, PATCH, DELETE");
        }
        return method;
    }

    String headers(TaskFields f) {
        String text = f.jsonObject("headers", TaskLimits.HEADERS_MAX, json);
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, JsonNode> header : json.readTree(text).properties()) {
            String name = header.getKey();
            if (!HEADER_NAME.matcher(name).matches()) {
                throw headerRefused("headerName", name, "'" + name + "' is not a valid header name");
            }
            if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw headerRefused("headerReserved", name,
                        "'" + name + "' is set by the HTTP client and cannot be configured");
            }
            if (!header.getValue().isString()) {
                throw headerRefused("headerValueText", name, "the value of '" + name + "' must be a string");
            }
            String value = header.getValue().asString();
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw headerRefused("headerValueLine", name,
                        "the value of '" + name + "' must not contain line breaks");
            }
        }
        return text;
    }

    private static ApiException headerRefused(String rule, String header, String text) {
        return ApiException.invalidField("headers", rule, Map.of("header", header), text);
    }
}
