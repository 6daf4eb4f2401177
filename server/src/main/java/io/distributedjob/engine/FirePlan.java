package io.distributedjob.engine;

import java.time.Instant;
import java.util.List;

import io.distributedjob.kernel.TriggerType;
import io.distributedjob.task.TaskStatus;

/**
 * What one claim does to one task row: the fires it takes and the row's new cursor, status and lease start.
 *
 * @param newNext     the first fire left unclaimed, or null when the task fires no more
 * @param claimedFrom the first fire of this instance's lease on the row
 */
record FirePlan(DueTask due, List<PlannedFire> fires, Instant newNext, TaskStatus newStatus, Instant claimedFrom) {

    long taskId() {
        return due.task().id();
    }

    /** The same claim with every fire recorded as not run, for {@code reason}. */
    FirePlan skippingAll(String reason) {
        List<PlannedFire> skipped = fires.stream()
                .map(fire -> new PlannedFire(fire.scheduledTime(), fire.trigger(), reason)).toList();
        return new FirePlan(due, skipped, newNext, newStatus, claimedFrom);
    }

    /** The same claim taking only its first {@code count} fires; the row's cursor stops at the first one left. */
    FirePlan firstFires(int count) {
        if (count >= fires.size()) {
            return this;
        }
        return new FirePlan(due, List.copyOf(fires.subList(0, count)), fires.get(count).scheduledTime(), newStatus,
                claimedFrom);
    }

    /**
     * One fire of a plan; {@code skipReason} non-null means it is recorded as not run (a missed fire under
     * misfirePolicy SKIP) rather than executed.
     */
    record PlannedFire(Instant scheduledTime, TriggerType trigger, String skipReason) {
    }
}
