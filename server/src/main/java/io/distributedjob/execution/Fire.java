package io.distributedjob.execution;

import java.time.Instant;

import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.task.Task;

/**
 * One firing of a task at its scheduled instant, with the task's definition as it was when the fire was claimed.
 *
 * @param claimed whether an engine claimed it from the task row (and so answers for it until it is recorded);
 *                false for fires asked for by a person or an API client
 */
public record Fire(Task task, Instant scheduledTime, TriggerType trigger, boolean claimed) {

    /** {@code <taskId>:<scheduled instant>}, sent as {@code X-DJ-Fire-Id} so a target can drop a duplicate. */
    public String fireId() {
        return ExecutionRecord.fireId(task.id(), scheduledTime);
    }

    public Fire withTask(Task updated) {
        return new Fire(updated, scheduledTime, trigger, claimed);
    }
}
