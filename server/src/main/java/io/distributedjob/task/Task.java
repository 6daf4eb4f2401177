package io.distributedjob.task;

import java.time.Instant;

import io.distributedjob.kernel.TaskType;

/**
 * A scheduled task as stored. {@code nextExecuteTime} is the engine's cursor: the first fire not yet claimed by
 * any instance (fires up to the claim look-ahead may already sit on an instance's timer).
 */
public record Task(
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
        Instant nextExecuteTime,
        long version,
        long creatorId,
        Instant createTime,
        Instant updateTime) {

    public static final int DISABLED = 0;
    public static final int ENABLED = 1;
    /** Fires once, then disables itself. */
    public static final int TEMPORARY = 2;

    public boolean scheduled() {
        return status == ENABLED || status == TEMPORARY;
    }

    /** Whether the two define the same fire times (expression, zone and once-only status alike). */
    public boolean sameScheduleAs(Task other) {
        return cron.equals(other.cron) && timezone.equals(other.timezone) && status == other.status;
    }

    /** This task with another definition; id, cursor and stamps stay. */
    Task withDefinition(TaskDefinition d) {
        return new Task(id, d.name(), d.description(), d.departmentId(), d.taskType(), d.cron(), d.timezone(),
                d.status(), d.timeout(), d.retryCount(), d.retryInterval(), d.url(), d.httpMethod(), d.headers(),
                d.body(), d.fallbackUrl(), d.grpcService(), d.grpcMethod(), d.grpcParams(), d.fallbackGrpcService(),
                d.fallbackGrpcMethod(), d.grpcTls(), d.misfirePolicy(), d.concurrencyPolicy(), d.crashPolicy(), nextExecuteTime, version,
                creatorId, createTime, updateTime);
    }

    /** This task with another status. */
    Task withStatus(int status) {
        return new Task(id, name, description, departmentId, taskType, cron, timezone,
                status, timeout, retryCount, retryInterval, url, httpMethod, headers, body,
                fallbackUrl, grpcService, grpcMethod, grpcParams, fallbackGrpcService,
                fallbackGrpcMethod, grpcTls, misfirePolicy, concurrencyPolicy, crashPolicy, nextExecuteTime, version,
                creatorId, createTime, updateTime);
    }
}
