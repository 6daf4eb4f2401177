package io.distributedjob.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.distributedjob.cron.InvalidScheduleException;
import io.distributedjob.cron.Schedules;
import io.distributedjob.targets.GrpcTarget;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON body of a create or update request into a {@link TaskDefinition}, checking every field and
 * naming the field in the 400/4001 message of the first problem found.
 */
@Component
class TaskValidator {

    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 2000;
    static final int URL_MAX = 2048;
    static final int TIMEOUT_MAX = 86_400;
    static final int RETRY_COUNT_MAX = 100;
    static final int RETRY_INTERVAL_MAX = 86_400;
    static final int HEADERS_MAX = 16_384;
    static final int BODY_MAX = 1_048_576;
    static final int GRPC_SERVICE_MAX = 512;
    static final int GRPC_METHOD_MAX = 255;
    static final int DEFAULT_TIMEOUT = 30;

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers the HTTP client sets itself and refuses to take from a task. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");
    private static final Pattern GRPC_METHOD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JsonMapper json;
    private final Clock clock;

    TaskValidator(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    TaskDefinition http(JsonNode body) {
        Fields f = new Fields(body);
        Common common = common(f);
        String url = url(f, "url", true);
        String method = f.string("httpMethod", true, 16);
        method = method.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            throw ApiException.invalid("httpMethod: must be one of GET, POST, PUT, PATCH, DELETE");
        }
        String headers = headers(f);
        String requestBody = f.string("body", false, BODY_MAX);
        String fallbackUrl = url(f, "fallbackUrl", false);
        return common.definition(TaskType.HTTP, url, method, headers, requestBody, fallbackUrl, null, null, null, null, null, false);
    }

    TaskDefinition grpc(JsonNode body) {
        Fields f = new Fields(body);
        Common common = common(f);
        String service = grpcService(f, "grpcService", true);
        String method = grpcMethod(f, "grpcMethod", true);
        String params = jsonObject(f, "grpcParams", BODY_MAX, false);
        String fallbackService = grpcService(f, "fallbackGrpcService", false);
        String fallbackMethod = grpcMethod(f, "fallbackGrpcMethod", false);
        if ((fallbackService == null) != (fallbackMethod == null)) {
            throw ApiException.invalid((fallbackService == null ? "fallbackGrpcService" : "fallbackGrpcMethod")
                    + ": fallbackGrpcService and fallbackGrpcMethod go together");
        }
        return common.definition(TaskType.GRPC, null, null, null, null, null, service, method, params,
                fallbackService, fallbackMethod, f.bool("grpcTls", false));
    }

    /** The status of {@code PATCH /tasks/{id}/status}. */
    int status(JsonNode body) {
        return new Fields(body).integer("status", true, 0, Task.DISABLED, Task.TEMPORARY);
    }

    private Common common(Fields f) {
        String name = f.string("name", true, NAME_MAX);
        String description = f.string("description", false, DESCRIPTION_MAX);
        long departmentId = f.id("departmentId");
        String cron = f.string("cron", true, Schedules.MAX_LENGTH);
        String timezoneText = f.string("timezone", false, 64);
        ZoneId zone;
        try {
            zone = timezoneText == null ? clock.getZone() : Schedules.zone(timezoneText);
        } catch (InvalidScheduleException e) {
            throw ApiException.invalid("timezone: " + e.getMessage());
        }
        try {
            Schedules.validate(cron, zone, clock.instant());
        } catch (InvalidScheduleException e) {
            throw ApiException.invalid("cron: " + e.getMessage());
        }
        int status = f.integer("status", true, 0, Task.DISABLED, Task.TEMPORARY);
        int timeout = f.integer("timeout", false, DEFAULT_TIMEOUT, 1, TIMEOUT_MAX);
        int retryCount = f.integer("retryCount", false, 0, 0, RETRY_COUNT_MAX);
        int retryInterval = f.integer("retryInterval", false, 0, 0, RETRY_INTERVAL_MAX);
        MisfirePolicy misfire = f.enumeration("misfirePolicy", MisfirePolicy.class, MisfirePolicy.FIRE_ONCE);
        ConcurrencyPolicy concurrency = f.enumeration("concurrencyPolicy", ConcurrencyPolicy.class, ConcurrencyPolicy.ALLOW);
        CrashPolicy crash = f.enumeration("crashPolicy", CrashPolicy.class, CrashPolicy.RERUN);
        return new Common(name, description, departmentId, cron.strip(), zone.getId(), status, timeout, retryCount,
                retryInterval, misfire, concurrency, crash);
    }

    private static String url(Fields f, String field, boolean required) {
        String text = f.string(field, required, URL_MAX);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw ApiException.invalid(field + ": must be an http:// or https:// URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw ApiException.invalid(field + ": must name a host");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ApiException.invalid(field + ": is not a valid URL");
        }
    }

    String headers(Fields f) {
        String text = jsonObject(f, "headers", HEADERS_MAX, true);
        if (text == null) {
            return null;
        }
        JsonNode object = json.readTree(text);
        for (Map.Entry<String, JsonNode> header : object.properties()) {
            String name = header.getKey();
            if (!HEADER_NAME.matcher(name).matches()) {
                throw ApiException.invalid("headers: '" + name + "' is not a valid header name");
            }
            if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw ApiException.invalid("headers: '" + name + "' is set by the HTTP client and cannot be configured");
            }
            if (!header.getValue().isString()) {
                throw ApiException.invalid("headers: the value of '" + name + "' must be a string");
            }
            String value = header.getValue().asString();
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw ApiException.invalid("headers: the value of '" + name + "' must not contain line breaks");
            }
        }
        return text;
    }

    /**
     * A field that holds a JSON object: given as a JSON string (the spec's form) or as an object; stored as text.
     */
    String jsonObject(Fields f, String field, int maxLength, boolean stringValuesOnly) {
        JsonNode node = f.node(field);
        if (node == null) {
            return null;
        }
        JsonNode object;
        if (node.isObject()) {
            object = node;
        } else if (node.isString()) {
            if (node.asString().isBlank()) {
                return null;
            }
            try {
                object = json.readTree(node.asString());
            } catch (RuntimeException e) {
                throw ApiException.invalid(field + ": must be a JSON object");
            }
            if (object == null || !object.isObject()) {
                throw ApiException.invalid(field + ": must be a JSON object");
            }
        } else {
            throw ApiException.invalid(field + ": must be a JSON object");
        }
        String text = json.writeValueAsString(object);
        if (text.length() > maxLength) {
            throw ApiException.invalid(field + ": must be at most " + maxLength + " characters");
        }
        return text;
    }

    private static String grpcService(Fields f, String field, boolean required) {
        String text = f.string(field, required, GRPC_SERVICE_MAX);
        if (text == null) {
            return null;
        }
        try {
            GrpcTarget.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + ": " + e.getMessage());
        }
        return text.strip();
    }

    private static String grpcMethod(Fields f, String field, boolean required) {
        String text = f.string(field, required, GRPC_METHOD_MAX);
        if (text == null) {
            return null;
        }
        if (!GRPC_METHOD.matcher(text.strip()).matches()) {
            throw ApiException.invalid(field + ": must be a method name such as SayHello");
        }
        return text.strip();
    }

    private record Common(String name, String description, long departmentId, String cron, String timezone,
                          int status, int timeout, int retryCount, int retryInterval, MisfirePolicy misfire,
                          ConcurrencyPolicy concurrency, CrashPolicy crash) {

        TaskDefinition definition(TaskType type, String url, String httpMethod, String headers, String body,
                                  String fallbackUrl, String grpcService, String grpcMethod, String grpcParams,
                                  String fallbackGrpcService, String fallbackGrpcMethod, boolean grpcTls) {
            return new TaskDefinition(name, description, departmentId, type, cron, timezone, status, timeout,
                    retryCount, retryInterval, url, httpMethod, headers, body, fallbackUrl, grpcService, grpcMethod,
                    grpcParams, fallbackGrpcService, fallbackGrpcMethod, grpcTls, misfire, concurrency, crash);
        }
    }

    /** Typed access to the fields of a JSON object, with messages naming the field. */
    static final class Fields {

        private final JsonNode body;

        Fields(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw ApiException.invalid("body: must be a JSON object");
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
                throw ApiException.invalid(field + ": must be true or false");
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
            String text = string(field, false, 32);
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
    }
}
