package io.distributedjob.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A task as the REST API shows it: the definition's fields at the top level beside the id, the fire times and the
 * stamps; {@code retryCount} is the stored {@code max_retry}, {@code headers} as the viewer may see them (secret
 * values masked for those who cannot change the task).
 */
public record TaskView(
        long id,
        @JsonUnwrapped TaskDefinition definition,
        OffsetDateTime lastExecuteTime,
        OffsetDateTime nextExecuteTime,
        long creatorId,
        OffsetDateTime createTime,
        OffsetDateTime updateTime) {

    static TaskView of(Task t, String headers, Instant lastExecute, Instant nextExecute, ZoneId zone) {
        return new TaskView(t.id(), t.definition().withHeaders(headers), at(lastExecute, zone), at(nextExecute, zone),
                t.stamps().creatorId(), at(t.stamps().createTime(), zone), at(t.stamps().updateTime(), zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
