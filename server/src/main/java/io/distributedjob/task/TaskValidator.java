package io.distributedjob.task;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import io.distributedjob.cron.InvalidScheduleException;
import io.distributedjob.cron.Schedules;
import io.distributedjob.kernel.TaskType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON body of a create or update request into a {@link TaskDefinition}, checking every field and
 * refusing with one 400/4001 that lists every field problem (its message naming the first); the HTTP and gRPC
 * target fields are checked by {@link HttpTargetRules} and {@link GrpcTargetRules}, the headers of either (request
 * headers of an HTTP task, metadata of a gRPC task) read by {@link TargetHeaders}.
 */
@Component
class TaskValidator {

    static final int DEFAULT_TIMEOUT = 30;

    private final TargetHeaders headers;
    private final JsonMapper json;
    private final Clock clock;

    TaskValidator(TargetHeaders headers, JsonMapper json, Clock clock) {
        this.headers = headers;
        this.json = json;
        this.clock = clock;
    }

    TaskDefinition http(JsonNode body) {
        TaskFields f = new TaskFields(body);
        Common common = common(f);
        String url = HttpTargetRules.url(f, "url", true);
        String method = HttpTargetRules.method(f);
        String requestHeaders = headers.http(f);
        String requestBody = f.string("body", false, TaskLimits.BODY_MAX);
        String fallbackUrl = HttpTargetRules.url(f, "fallbackUrl", false);
        return f.valid(() -> common.definition(TaskType.HTTP, url, method, requestHeaders, requestBody, fallbackUrl,
                null, null, null, null, null, false));
    }

    TaskDefinition grpc(JsonNode body) {
        TaskFields f = new TaskFields(body);
        Common common = common(f);
        String service = GrpcTargetRules.service(f, "grpcService", true);
        String method = GrpcTargetRules.method(f, "grpcMethod", true);
        String params = f.jsonObject("grpcParams", TaskLimits.BODY_MAX, json);
        String metadata = headers.grpc(f);
        String fallbackService = GrpcTargetRules.service(f, "fallbackGrpcService", false);
        String fallbackMethod = GrpcTargetRules.method(f, "fallbackGrpcMethod", false);
        GrpcTargetRules.requireWholeFallback(f, fallbackService, fallbackMethod);
        boolean tls = f.bool("grpcTls", false);
        return f.valid(() -> common.definition(TaskType.GRPC, null, null, metadata, null, null, service, method, params,
                fallbackService, fallbackMethod, tls));
    }

    /** The status of {@code PATCH /tasks/{id}/status}. */
    TaskStatus status(JsonNode body) {
        TaskFields f = new TaskFields(body);
        int status = f.integer("status", true, 0, TaskStatus.DISABLED.code(), TaskStatus.TEMPORARY.code());
        return f.valid(() -> TaskStatus.of(status));
    }

    /**
     * The zone named by {@code field}, or the server's zone when it is not given; a refused zone reads as the
     * server's too, so that the cron can still be checked against one.
     */
    ZoneId zone(TaskFields f, String field) {
        String text = f.string(field, false, TaskLimits.TIMEZONE_MAX);
        try {
            return text == null ? clock.getZone() : Schedules.zone(text);
        } catch (InvalidScheduleException e) {
            f.refuse(field, "timezone", Map.of("reason", e.getMessage()), e.getMessage());
            return clock.getZone();
        }
    }

    private Common common(TaskFields f) {
        String name = f.string("name", true, TaskLimits.NAME_MAX);
        String description = f.string("description", false, TaskLimits.DESCRIPTION_MAX);
        long departmentId = f.id("departmentId");
        String cron = f.string("cron", true, TaskLimits.CRON_MAX);
        ZoneId zone = zone(f, "timezone");
        if (cron != null) {
            try {
                Schedules.validate(cron, zone, clock.instant());
            } catch (InvalidScheduleException e) {
                f.refuse("cron", "cron", Map.of("reason", e.getMessage()), e.getMessage());
            }
        }
        TaskStatus status = TaskStatus.of(f.integer("status", true, 0, TaskStatus.DISABLED.code(),
                TaskStatus.TEMPORARY.code()));
        int timeout = f.integer("timeout", false, DEFAULT_TIMEOUT, 1, TaskLimits.TIMEOUT_MAX);
        int retryCount = f.integer("retryCount", false, 0, 0, TaskLimits.RETRY_COUNT_MAX);
        int retryInterval = f.integer("retryInterval", false, 0, 0, TaskLimits.RETRY_INTERVAL_MAX);
        MisfirePolicy misfire = f.enumeration("misfirePolicy", MisfirePolicy.class, MisfirePolicy.FIRE_ONCE);
        ConcurrencyPolicy concurrency = f.enumeration("concurrencyPolicy", ConcurrencyPolicy.class, ConcurrencyPolicy.ALLOW);
        CrashPolicy crash = f.enumeration("crashPolicy", CrashPolicy.class, CrashPolicy.RERUN);
        return new Common(name, description, departmentId, cron == null ? null : cron.strip(), zone.getId(), status,
                timeout, retryCount, retryInterval, misfire, concurrency, crash);
    }

    private record Common(String name, String description, long departmentId, String cron, String timezone,
                          TaskStatus status, int timeout, int retryCount, int retryInterval, MisfirePolicy misfire,
                          ConcurrencyPolicy concurrency, CrashPolicy crash) {

        TaskDefinition definition(TaskType type, String url, String httpMethod, String headers, String body,
                                  String fallbackUrl, String grpcService, String grpcMethod, String grpcParams,
                                  String fallbackGrpcService, String fallbackGrpcMethod, boolean grpcTls) {
            return new TaskDefinition(name, description, departmentId, type, cron, timezone, status, timeout,
                    retryCount, retryInterval, url, httpMethod, headers, body, fallbackUrl, grpcService, grpcMethod,
                    grpcParams, fallbackGrpcService, fallbackGrpcMethod, grpcTls, misfire, concurrency, crash);
        }
    }
}
