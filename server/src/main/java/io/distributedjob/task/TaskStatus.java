package io.distributedjob.task;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a task fires. The spec's number for each ({@link #code}) is what JSON, gRPC and the database carry. */
public enum TaskStatus {
    DISABLED(0),
    ENABLED(1),
    /** Fires once, then disables itself. */
    TEMPORARY(2);

    /** The codes of the statuses that fire, as an SQL {@code IN} list. */
    public static final String SCHEDULED_CODES = Arrays.stream(values()).filter(TaskStatus::scheduled)
            .map(status -> String.valueOf(status.code)).collect(Collectors.joining(", "));

    private final int code;

    TaskStatus(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    /** The status of a stored or validated number; anything else is a programming error. */
    public static TaskStatus of(int code) {
        for (TaskStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No task status " + code);
    }

    /** Whether a task with this status has fires to come. */
    public boolean scheduled() {
        return this != DISABLED;
    }
}
