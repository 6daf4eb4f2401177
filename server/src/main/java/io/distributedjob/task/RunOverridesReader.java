package io.distributedjob.task;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.TaskType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the optional body of {@code POST /tasks/{id}/run}: the overrides of one fire, checked like the task's own
 * fields (the body and headers of an HTTP task, its URL's query; the parameters and metadata of a gRPC task).
 */
@Component
class RunOverridesReader {

    static final int QUERY_MAX = 2048;

    private static final Set<String> HTTP_FIELDS = Set.of("body", "headers", "query");
    private static final Set<String> GRPC_FIELDS = Set.of("grpcParams", "headers");
    /** {@code name=value} pairs joined by {@code &}, in URL-encoded form: no spaces, no fragment, no line breaks. */
    private static final Pattern QUERY = Pattern.compile("[^\\s#&=]+(=[^\\s#&]*)?(&[^\\s#&=]+(=[^\\s#&]*)?)*");

    private final TargetHeaders headers;
    private final JsonMapper json;

    RunOverridesReader(TargetHeaders headers, JsonMapper json) {
        this.headers = headers;
        this.json = json;
    }

    RunOverrides read(JsonNode body, TaskType type) {
        if (body == null || body.isNull() || body.isEmpty() && body.isObject()) {
            return RunOverrides.NONE;
        }
        TaskFields f = new TaskFields(body);
        Set<String> allowed = type == TaskType.HTTP ? HTTP_FIELDS : GRPC_FIELDS;
        for (String field : body.propertyNames()) {
            if (!allowed.contains(field)) {
                throw ApiException.invalid(field + ": " + (HTTP_FIELDS.contains(field) || GRPC_FIELDS.contains(field)
                        ? "does not apply to a " + type.name().replace("GRPC", "gRPC") + " task"
                        : "is not an override; give " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
        if (type == TaskType.GRPC) {
            String params = f.jsonObject("grpcParams", TaskLimits.BODY_MAX, json);
            String metadata = headers.grpc(f);
            return f.valid(() -> new RunOverrides(null, metadata, null, params));
        }
        String query = query(f);
        String requestBody = f.string("body", false, TaskLimits.BODY_MAX);
        String requestHeaders = headers.http(f);
        return f.valid(() -> new RunOverrides(requestBody, requestHeaders, query, null));
    }

    /** The query without its leading {@code ?}; null when it is not given or refused. */
    private static String query(TaskFields f) {
        String text = f.string("query", false, QUERY_MAX);
        if (text == null) {
            return null;
        }
        String query = text.strip().startsWith("?") ? text.strip().substring(1) : text.strip();
        if (!QUERY.matcher(query).matches()) {
            f.refuse("query", "query", Map.of(), "must be name=value pairs joined by &, such as a=1&b=2");
            return null;
        }
        return query;
    }
}
