package io.distributedjob.task;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer of {@code POST /tasks/cron/preview}: the next fire times and a description in words. */
public record CronPreview(String cron, String timezone, List<OffsetDateTime> nextFireTimes, String description) {
}
