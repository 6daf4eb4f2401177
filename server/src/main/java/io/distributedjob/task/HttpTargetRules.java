package io.distributedjob.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of an HTTP target: URL, method and the rules of its headers, checked for a task and for the overrides
 * of a run.
 */
final class HttpTargetRules {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers the HTTP client sets itself and refuses to take from a task. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer");
    private static final Pattern HEADER_NAME =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1," + TaskLimits.HEADER_NAME_MAX + "}");

    private HttpTargetRules() {
    }

    /** The URL in {@code field}; null when it is not given or refused. */
    static String url(TaskFields f, String field, boolean required) {
        String text = f.string(field, required, TaskLimits.URL_MAX);
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return refused(f, field, "url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return refused(f, field, "httpUrl", "must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return refused(f, field, "urlHost", "must name a host");
        }
        return uri.toString();
    }

    static String method(TaskFields f) {
        String text = f.string("httpMethod", true, TaskLimits.HTTP_METHOD_MAX);
        if (text == null) {
            return null;
        }
        String method = text.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            f.refuse("httpMethod", "oneOf", Map.of("values", "GET, POST, PUT, PATCH, DELETE"),
                    "must be one of GET, POST, PUT, PATCH, DELETE");
            return null;
        }
        return method;
    }

    /** A header the HTTP client takes: a token name, not one it sets itself. */
    static boolean acceptsHeaderName(TaskFields f, String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            return TargetHeaders.headerRefused(f, "headerName", name, "'" + name + "' is not a valid header name");
        }
        if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return TargetHeaders.headerRefused(f, "headerReserved", name,
                    "'" + name + "' is set by the HTTP client and cannot be configured");
        }
        return true;
    }

    /** A value on one line, so that it cannot split the request. */
    static boolean acceptsHeaderValue(TaskFields f, String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return TargetHeaders.headerRefused(f, "headerValueLine", name,
                    "the value of '" + name + "' must not contain line breaks");
        }
        return true;
    }

    private static String refused(TaskFields f, String field, String rule, String text) {
        f.refuse(field, rule, Map.of(), text);
        return null;
    }
}
