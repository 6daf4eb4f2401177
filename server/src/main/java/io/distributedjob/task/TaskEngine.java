package io.distributedjob.task;

import java.time.Instant;

import io.distributedjob.kernel.TriggerType;

/** What the task service needs from the scheduling engine of this instance. */
public interface TaskEngine {

    /** The task was created or changed here: drop or refresh fires claimed under its old definition, claim soon. */
    void taskChanged(Task task);

    /** The task was deleted here: drop the fires this instance holds for it. */
    void taskDeleted(long taskId);

    /** Fires the task once now, whatever its status. */
    StartedFire runNow(Task task, TriggerType trigger);

    /** The fire started by {@link #runNow}: its id, as sent in {@code X-DJ-Fire-Id}, and its instant. */
    record StartedFire(String fireId, Instant scheduledTime) {
    }
}
