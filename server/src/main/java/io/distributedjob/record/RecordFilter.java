package io.distributedjob.record;

import java.util.Set;

/** What a record query is narrowed to; {@code departments} is never empty (the caller's scope or part of it). */
public record RecordFilter(Set<Long> departments, Long taskId, Boolean success, String taskType) {
}
