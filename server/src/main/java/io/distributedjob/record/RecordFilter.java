package io.distributedjob.record;

import java.util.Set;

/**
 * What a record query is narrowed to; {@code departments} is never empty (the caller's scope or part of it).
 * {@code errorKeyword}, when given, is a text the record's error must contain.
 */
public record RecordFilter(Set<Long> departments, Long taskId, Boolean success, String taskType, String errorKeyword) {

    public RecordFilter(Set<Long> departments, Long taskId, Boolean success, String taskType) {
        this(departments, taskId, success, taskType, null);
    }
}
