package io.distributedjob.dispatch;

import java.time.Instant;
import java.util.Objects;

import io.distributedjob.record.ExecutionRecord;

/**
 * A due fire handed from the instance that claimed it to the one that executes it.
 *
 * @param taskId        the task
 * @param scheduledTime the fire's scheduled instant; with the task it identifies the fire
 * @param trigger       what caused the fire (a {@code TriggerType} name)
 */
public record DispatchedFire(long taskId, Instant scheduledTime, String trigger) {

    private static final String SEPARATOR = " ";

    public DispatchedFire {
        Objects.requireNonNull(scheduledTime, "scheduledTime");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** The fire's id, as recorded and as sent to the target in {@code X-DJ-Fire-Id}. */
    public String fireId() {
        return ExecutionRecord.fireId(taskId, scheduledTime);
    }

    /** The message key: one task's fires go to one partition, so they stay in order. */
    String key() {
        return Long.toString(taskId);
    }

    /** The message value: {@code <taskId> <scheduled instant, ISO-8601> <trigger>}. */
    String encode() {
        return taskId + SEPARATOR + scheduledTime + SEPARATOR + trigger;
    }

    /** Reads a message value; an unreadable one is reported as such, never executed. */
    static DispatchedFire decode(String value) {
        String[] fields = value == null ? new String[0] : value.split(SEPARATOR, 3);
        if (fields.length != 3) {
            throw new IllegalArgumentException("not a dispatched fire: " + value);
        }
        return new DispatchedFire(Long.parseLong(fields[0]), Instant.parse(fields[1]), fields[2]);
    }
}
