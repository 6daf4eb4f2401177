package io.distributedjob.task;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.distributedjob.kernel.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns rows of XXL-JOB's {@code xxl_job_info} table (2.x columns) into create bodies. Only jobs of the HTTP
 * handler ({@code httpJobHandler}, a BEAN job) carry what an HTTP task needs; its parameter gives the URL, method
 * and body, as {@code url:}/{@code method:}/{@code data:} lines or as a JSON object with those keys. A row that
 * cannot be mapped becomes a refusal with the reason.
 */
final class XxlJobRows {

    static final String HTTP_HANDLER = "httpJobHandler";

    private final Map<Long, Long> departmentsByGroup;
    private final JsonMapper json;

    XxlJobRows(Map<Long, Long> departmentsByGroup, JsonMapper json) {
        this.departmentsByGroup = departmentsByGroup;
        this.json = json;
    }

    /** {@code 1:12,2:14}: job group 1 goes to department 12, group 2 to department 14. */
    static Map<Long, Long> groupMapping(String text) {
        Map<Long, Long> mapping = new HashMap<>();
        if (text == null || text.isBlank()) {
            return mapping;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.strip().split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                mapping.put(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw ApiException.invalid("groups: must be jobGroup:departmentId pairs joined by commas, such as 1:12,2:14");
            }
        }
        return mapping;
    }

    TaskImportService.Row map(Map<String, String> row) {
        String handler = text(row, "executor_handler");
        String glue = text(row, "glue_type");
        if (glue != null && !glue.equalsIgnoreCase("BEAN") || !HTTP_HANDLER.equals(handler)) {
            return refused("executor_handler: only " + HTTP_HANDLER + " (BEAN) jobs can be mapped; found "
                    + (handler == null ? glue : handler));
        }
        Long group = number(text(row, "job_group"));
        Long department = group == null ? null : departmentsByGroup.get(group);
        if (department == null) {
            return refused("job_group: group " + text(row, "job_group") + " has no department in groups");
        }
        ObjectNode body = json.createObjectNode();
        String name = text(row, "job_desc");
        body.put("taskType", "HTTP");
        body.put("name", name != null ? name : "xxl-job-" + text(row, "id"));
        body.put("departmentId", department);
        body.put("cron", cron(row));
        body.put("status", "1".equals(text(row, "trigger_status")) ? TaskStatus.ENABLED.code() : TaskStatus.DISABLED.code());
        Long timeout = number(text(row, "executor_timeout"));
        if (timeout != null && timeout > 0) {
            body.put("timeout", timeout);
        }
        Long retries = number(text(row, "executor_fail_retry_count"));
        if (retries != null) {
            body.put("retryCount", retries);
        }
        if ("DISCARD_LATER".equalsIgnoreCase(text(row, "executor_block_strategy"))) {
            body.put("concurrencyPolicy", ConcurrencyPolicy.FORBID.name());
        }
        if ("DO_NOTHING".equalsIgnoreCase(text(row, "misfire_strategy"))) {
            body.put("misfirePolicy", MisfirePolicy.SKIP.name());
        }
        Map<String, String> http = httpParameters(text(row, "executor_param"));
        body.put("url", http.get("url"));
        body.put("httpMethod", http.getOrDefault("method", "POST").toUpperCase(Locale.ROOT));
        body.put("body", http.get("data"));
        return new TaskImportService.Row(body, null);
    }

    /** The cron of a 2.3+ row ({@code schedule_type}/{@code schedule_conf}) or of an older one ({@code job_cron}). */
    private static String cron(Map<String, String> row) {
        String type = text(row, "schedule_type");
        String conf = text(row, "schedule_conf");
        if ("FIX_RATE".equalsIgnoreCase(type) && conf != null) {
            return "@every " + conf.strip() + "s";
        }
        return conf != null ? conf : text(row, "job_cron");
    }

    private Map<String, String> httpParameters(String param) {
        Map<String, String> values = new HashMap<>();
        if (param == null) {
            return values;
        }
        if (param.startsWith("{")) {
            try {
                JsonNode object = json.readTree(param);
                for (String key : new String[] {"url", "method", "data"}) {
                    JsonNode value = object.get(key);
                    if (value != null && !value.isNull()) {
                        values.put(key, value.isString() ? value.asString() : json.writeValueAsString(value));
                    }
                }
                return values;
            } catch (RuntimeException e) {
                return values;
            }
        }
        for (String line : param.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (key.equals("url") || key.equals("method") || key.equals("data")) {
                    values.put(key, line.substring(colon + 1).strip());
                }
            }
        }
        return values;
    }

    private static TaskImportService.Row refused(String reason) {
        return new TaskImportService.Row(null, reason);
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() || value.equalsIgnoreCase("null") ? null : value.strip();
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
