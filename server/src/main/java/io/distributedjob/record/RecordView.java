package io.distributedjob.record;

import io.distributedjob.config.TracingSettings;
import io.distributedjob.kernel.TriggerType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An execution record as the REST API shows it; {@code latenessMillis} is start minus scheduled time,
 * {@code traceUrl} the link to its trace when {@code tracing.uiUrlTemplate} is set.
 */
public record RecordView(
        long id,
        long taskId,
        String taskName,
        String taskType,
        long departmentId,
        String fireId,
        OffsetDateTime scheduledTime,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        long costTime,
        boolean success,
        int status,
        Integer statusCode,
        String response,
        String error,
        int retryTimes,
        boolean usedFallback,
        TriggerType triggerType,
        String executor,
        OffsetDateTime createTime,
        Long latenessMillis,
        String traceId,
        String traceUrl,
        List<ExecutionAttempt> attempts) {

    static RecordView of(StoredRecord stored, ZoneId zone, TracingSettings tracing) {
        ExecutionRecord r = stored.record();
        return new RecordView(stored.id(), r.taskId(), r.taskName(), r.taskType(), r.departmentId(), r.fireId(),
                at(r.scheduledTime(), zone), at(r.startTime(), zone), at(r.endTime(), zone), r.costTime(),
                r.success(), r.status(), r.statusCode(), r.response(), r.error(), r.retryTimes(), r.usedFallback(),
                r.triggerType(), r.executor(), at(stored.createTime(), zone),
                r.startTime() == null || r.scheduledTime() == null ? null
                        : r.startTime().toEpochMilli() - r.scheduledTime().toEpochMilli(),
                r.traceId(), tracing.traceUrl(r.traceId()), r.attempts());
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
