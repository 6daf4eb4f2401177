package io.distributedjob.record;

import io.distributedjob.kernel.TriggerType;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one fire, as written to the month table of its scheduled time.
 *
 * @param fireId       {@code <taskId>:<scheduled instant>}, also sent to the target as {@code X-DJ-Fire-Id}
 * @param status       {@link #RUNNING} from the first call until the outcome, then {@link #SUCCEEDED} or {@link #FAILED}
 * @param statusCode   HTTP status or gRPC code of the last call, null when no call got an answer
 * @param retryTimes   retries made after the first call (the fallback not counted)
 * @param executor     instance id of the server that ran the fire
 * @param traceId      the OpenTelemetry trace of the fire when it was sampled, else null
 * @param attempts     the calls made, oldest first, at most {@link ExecutionAttempt#KEPT} of the latest
 */
public record ExecutionRecord(
        long taskId,
        String taskName,
        String taskType,
        long departmentId,
        String fireId,
        Instant scheduledTime,
        Instant startTime,
        Instant endTime,
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
        String traceId,
        List<ExecutionAttempt> attempts) {

    public static final int RUNNING = 0;
    public static final int SUCCEEDED = 1;
    public static final int FAILED = 2;

    public ExecutionRecord {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** The identifier of a fire, unique per task and scheduled instant. */
    public static String fireId(long taskId, Instant scheduledTime) {
        return taskId + ":" + scheduledTime;
    }

    /** This record with its response cut to at most {@code maxBytes} bytes of UTF-8, on a character boundary. */
    public ExecutionRecord withResponseCut(int maxBytes) {
        String cut = Utf8.cut(response, maxBytes);
        return cut == response ? this : withTexts(taskName, cut, error);
    }

    ExecutionRecord withTexts(String name, String cutResponse, String cutError) {
        return new ExecutionRecord(taskId, name, taskType, departmentId, fireId, scheduledTime, startTime, endTime,
                costTime, success, status, statusCode, cutResponse, cutError, retryTimes, usedFallback, triggerType,
                executor, traceId, attempts);
    }
}
