package io.distributedjob.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.distributedjob.config.TracingSettings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * An execution record as the REST API shows it: the fields of the {@link ExecutionRecord}, its times in the
 * server's zone, {@code latenessMillis} (start minus scheduled time) and {@code traceUrl}, the link to its trace
 * when {@code tracing.uiUrlTemplate} is set.
 */
public record RecordView(
        long id,
        @JsonUnwrapped @JsonIgnoreProperties({"scheduledTime", "startTime", "endTime"}) ExecutionRecord record,
        OffsetDateTime scheduledTime,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        OffsetDateTime createTime,
        Long latenessMillis,
        String traceUrl) {

    static RecordView of(StoredRecord stored, ZoneId zone, TracingSettings tracing) {
        ExecutionRecord r = stored.record();
        return new RecordView(stored.id(), r, at(r.scheduledTime(), zone), at(r.startTime(), zone),
                at(r.endTime(), zone), at(stored.createTime(), zone),
                r.startTime() == null || r.scheduledTime() == null ? null
                        : r.startTime().toEpochMilli() - r.scheduledTime().toEpochMilli(),
                tracing.traceUrl(r.traceId()));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
