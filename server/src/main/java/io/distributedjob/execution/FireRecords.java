package io.distributedjob.execution;

import java.time.Duration;
import java.time.Instant;

import io.distributedjob.kernel.TriggerType;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.task.Task;

/** The one place an execution record is made from a fire: whether it ran, ran late, or did not run at all. */
public final class FireRecords {

    private FireRecords() {
    }

    /** The record of {@code fire} as {@code instanceId} ran it from {@code start} to {@code end}. */
    public static ExecutionRecord of(Fire fire, TriggerType trigger, Instant start, Instant end,
                                     ExecutionOutcome outcome, String instanceId, FireTrail trail) {
        Task task = fire.task();
        return new ExecutionRecord(task.id(), task.definition().name(), task.definition().taskType().name(), task.definition().departmentId(), fire.fireId(),
                fire.scheduledTime(), start, end, Duration.between(start, end).toMillis(), outcome.success(),
                outcome.success() ? ExecutionRecord.SUCCEEDED : ExecutionRecord.FAILED, outcome.statusCode(),
                outcome.response(), outcome.error(), outcome.retryTimes(), outcome.usedFallback(), trigger, instanceId,
                trail.traceId(), trail.attempts());
    }

    /** The running record of {@code fire}, started at {@code start} on {@code instanceId}: no outcome yet. */
    public static ExecutionRecord running(Fire fire, TriggerType trigger, Instant start, String instanceId) {
        Task task = fire.task();
        return new ExecutionRecord(task.id(), task.definition().name(), task.definition().taskType().name(), task.definition().departmentId(), fire.fireId(),
                fire.scheduledTime(), start, null, 0, false, ExecutionRecord.RUNNING, null, null, null, 0, false,
                trigger, instanceId, FireTrail.NONE.traceId(), FireTrail.NONE.attempts());
    }

    /** The record of {@code fire} that did not run, for {@code reason}, decided at {@code now}. */
    public static ExecutionRecord notRun(Fire fire, Instant now, String reason, String instanceId) {
        return of(fire, fire.trigger(), now, now, ExecutionOutcome.failure(reason), instanceId, FireTrail.NONE);
    }
}
