package io.distributedjob.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.distributedjob.kernel.TaskType;

/**
 * A task as the REST API shows it; {@code retryCount} is the stored {@code max_retry}, {@code headers} as the
 * viewer may see them (secret values masked for those who cannot change the task).
 */
public record TaskView(
        long id,
        String name,
        String description,
        long departmentId,
        TaskType taskType,
        String cron,
        String timezone,
        int status,
        int timeout,
        int retryCount,
        int retryInterval,
        String url,
        String httpMethod,
        String headers,
        String body,
        String fallbackUrl,
        String grpcService,
        String grpcMethod,
        String grpcParams,
        String fallbackGrpcService,
        String fallbackGrpcMethod,
        boolean grpcTls,
        MisfirePolicy misfirePolicy,
        ConcurrencyPolicy concurrencyPolicy,
        CrashPolicy crashPolicy,
        OffsetDateTime lastExecuteTime,
        OffsetDateTime nextExecuteTime,
        long creatorId,
        OffsetDateTime createTime,
        OffsetDateTime updateTime) {

    static TaskView of(Task t, String headers, Instant lastExecute, Instant nextExecute, ZoneId zone) {
        return new TaskView(t.id(), t.name(), t.description(), t.departmentId(), t.taskType(), t.cron(), t.timezone(),
                t.status(), t.timeout(), t.retryCount(), t.retryInterval(), t.url(), t.httpMethod(), headers,
                t.body(), t.fallbackUrl(), t.grpcService(), t.grpcMethod(), t.grpcParams(), t.fallbackGrpcService(),
                t.fallbackGrpcMethod(), t.grpcTls(), t.misfirePolicy(), t.concurrencyPolicy(), t.crashPolicy(), at(lastExecute, zone),
                at(nextExecute, zone), t.creatorId(), at(t.createTime(), zone), at(t.updateTime(), zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
