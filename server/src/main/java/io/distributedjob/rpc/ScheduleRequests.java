package io.distributedjob.rpc;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.FieldError;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.rpc.proto.scheduler.ScheduleTaskRequest;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@code ScheduleTaskRequest} into the body the REST API takes for the same task, so both go through the
 * same validation, and names the gRPC field in the messages of that validation.
 *
 * <p>{@code handler} is {@code http} or {@code grpc}; {@code params} is a JSON object: for http {@code url, method
 * (default GET), headers, body, fallbackUrl, retryInterval}, for grpc {@code service, method, params, headers (the
 * metadata), fallbackService, fallbackMethod, tls, retryInterval}. {@code timeout} 0 means the default,
 * {@code department_id} 0 the caller's department. The task is created enabled.
 */
@Component
class ScheduleRequests {

    private static final String DEFAULT_HTTP_METHOD = "GET";
    private static final Pattern MESSAGE_FIELD = Pattern.compile("^([A-Za-z]+): ");
    private static final Pattern CAMEL_CASE_WORD = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");

    /** REST field names of what a ScheduleTaskRequest carries outside {@code params}, and their gRPC names. */
    private static final Map<String, String> COMMON_FIELDS = Map.of(
            "name", "name",
            "cron", "cron_expression",
            "departmentId", "department_id",
            "timeout", "timeout",
            "retryCount", "max_retry",
            "retryInterval", "params.retryInterval");

    /** Keys of {@code params} for each handler, with the REST field each one fills. */
    private static final Map<TaskType, Map<String, String>> PARAMS = Map.of(
            TaskType.HTTP, ordered("url", "url", "method", "httpMethod", "headers", "headers", "body", "body",
                    "fallbackUrl", "fallbackUrl", "retryInterval", "retryInterval"),
            TaskType.GRPC, ordered("service", "grpcService", "method", "grpcMethod", "params", "grpcParams",
                    "headers", "headers", "fallbackService", "fallbackGrpcService", "fallbackMethod",
                    "fallbackGrpcMethod", "tls", "grpcTls", "retryInterval", "retryInterval"));

    private final JsonMapper json;

    ScheduleRequests(JsonMapper json) {
        this.json = json;
    }

    /** The task as the REST API would receive it; INVALID_ARGUMENT for a bad handler or unreadable params. */
    TaskForm form(CurrentUser user, ScheduleTaskRequest request) {
        TaskType type = handler(request.getHandler());
        ObjectNode body = json.createObjectNode();
        body.put("name", request.getName());
        body.put("cron", request.getCronExpression());
        body.put("departmentId", request.getDepartmentId() == 0 ? user.departmentId() : request.getDepartmentId());
        body.put("status", TaskStatus.ENABLED.code());
        if (request.getTimeout() != 0) {
            body.put("timeout", request.getTimeout());
        }
        body.put("retryCount", request.getMaxRetry());
        Map<String, String> keys = PARAMS.get(type);
        for (Map.Entry<String, JsonNode> param : params(request).properties()) {
            String field = keys.get(param.getKey());
            if (field == null) {
                throw ApiException.invalid("params: unknown key '" + param.getKey() + "' for the " + type.name()
                        .toLowerCase(Locale.ROOT) + " handler; known keys: " + String.join(", ", keys.keySet()));
            }
            body.set(field, field.equals("body") && !param.getValue().isString() && !param.getValue().isNull()
                    ? json.getNodeFactory().stringNode(json.writeValueAsString(param.getValue()))
                    : param.getValue());
        }
        if (type == TaskType.HTTP && !body.has("httpMethod")) {
            body.put("httpMethod", DEFAULT_HTTP_METHOD);
        }
        return new TaskForm(type, body, renames(type));
    }

    private static TaskType handler(String handler) {
        String name = handler == null ? "" : handler.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "http" -> TaskType.HTTP;
            case "grpc" -> TaskType.GRPC;
            default -> throw ApiException.invalid("handler: must be http or grpc");
        };
    }

    private JsonNode params(ScheduleTaskRequest request) {
        if (request.getParams().isEmpty()) {
            return json.createObjectNode();
        }
        JsonNode params;
        try {
            params = json.readTree(request.getParams().toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw ApiException.invalid("params: must be a JSON object");
        }
        if (params == null || !params.isObject()) {
            throw ApiException.invalid("params: must be a JSON object");
        }
        return params;
    }

    private static Map<String, String> renames(TaskType type) {
        Map<String, String> renames = new LinkedHashMap<>(COMMON_FIELDS);
        PARAMS.get(type).forEach((key, field) -> renames.putIfAbsent(field, "params." + key));
        return renames;
    }

    private static Map<String, String> ordered(String... keysAndFields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndFields.length; i += 2) {
            map.put(keysAndFields[i], keysAndFields[i + 1]);
        }
        return map;
    }

    /**
     * A task in the REST form, and how its REST field names read in a ScheduleTaskRequest.
     *
     * @param renames REST field name to gRPC field name ({@code cron} to {@code cron_expression}, {@code url} to
     *                {@code params.url})
     */
    record TaskForm(TaskType type, JsonNode body, Map<String, String> renames) {

        /** The failure with the gRPC field names in place of the REST ones, in every field problem it lists. */
        ApiException renamed(ApiException e) {
            if (e.fieldErrors().isEmpty()) {
                return new ApiException(e.error(), renamed(e.getMessage()));
            }
            return ApiException.invalidFields(e.fieldErrors().stream().map(this::renamed).toList());
        }

        private FieldError renamed(FieldError error) {
            String field = renames.getOrDefault(error.field(), error.field());
            Map<String, Object> params = new LinkedHashMap<>(error.params());
            params.put("field", field);
            return new FieldError(field, error.rule(), params, renamed(error.message()));
        }

        private String renamed(String message) {
            StringBuilder renamed = new StringBuilder();
            Matcher field = MESSAGE_FIELD.matcher(message);
            int rest = 0;
            if (field.find()) {
                renamed.append(renames.getOrDefault(field.group(1), field.group(1))).append(": ");
                rest = field.end();
            }
            Matcher word = CAMEL_CASE_WORD.matcher(message.substring(rest));
            while (word.find()) {
                word.appendReplacement(renamed, Matcher.quoteReplacement(renames.getOrDefault(word.group(), word.group())));
            }
            word.appendTail(renamed);
            return renamed.toString();
        }
    }
}
