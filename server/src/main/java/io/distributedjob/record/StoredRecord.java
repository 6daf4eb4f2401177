package io.distributedjob.record;

import java.time.Instant;

/** An execution record as read back, with its id in its month table. */
public record StoredRecord(long id, ExecutionRecord record, Instant createTime) {
}
