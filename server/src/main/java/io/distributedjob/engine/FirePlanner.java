package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.distributedjob.cron.Schedule;
import io.distributedjob.cron.Schedules;
import io.distributedjob.engine.FirePlan.PlannedFire;
import io.distributedjob.execution.MisfireRule;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.task.MisfirePolicy;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;

/**
 * Decides, for a due task row, which fires a claim takes: every fire from the cursor up to the claim horizon;
 * or, when the cursor is older than the misfire threshold (nobody ran the task for that long), one catch-up
 * fire ({@code FIRE_ONCE}) or one record of the skip ({@code SKIP}) for everything missed, after which the
 * schedule resumes from now. A temporary task (status 2) takes one fire and disables itself.
 */
final class FirePlanner {

    /** Bounds one claim of one row, so a far-behind every-second task catches up over several polls. */
    static final int MAX_FIRES_PER_TASK = 1000;

    private final Duration misfireThreshold;

    FirePlanner(Duration misfireThreshold) {
        this.misfireThreshold = misfireThreshold;
    }

    static Schedule schedule(Task task) {
        return Schedules.parse(task.definition().cron(), ZoneId.of(task.definition().timezone()), task.stamps().createTime());
    }

    /**
     * The fires a claim of {@code due} takes, at most {@code maxFires} of them (the room this instance has).
     *
     * @throws RuntimeException when the task's schedule cannot be evaluated
     */
    FirePlan plan(DueTask due, String instanceId, Instant now, Instant horizon, int maxFires) {
        Task task = due.task();
        Instant cursor = task.cursor().nextExecuteTime();
        Instant claimedFrom = claimedFrom(due, instanceId);
        int limit = Math.min(MAX_FIRES_PER_TASK, maxFires);
        boolean once = task.definition().status() == TaskStatus.TEMPORARY;
        Schedule schedule = schedule(task);
        List<PlannedFire> fires = new ArrayList<>();
        if (MisfireRule.missed(cursor, now, misfireThreshold)) {
            String skip = task.definition().misfirePolicy() == MisfirePolicy.SKIP
                    ? "skipped: missed while no instance was running, from " + cursor + " until " + now
                            + " (misfirePolicy SKIP)"
                    : null;
            fires.add(new PlannedFire(cursor, TriggerType.MISFIRE, skip));
            cursor = once ? null : schedule.next(now);
        }
        while (cursor != null && !cursor.isAfter(horizon) && fires.size() < limit && !(once && !fires.isEmpty())) {
            fires.add(new PlannedFire(cursor, TriggerType.CRON, null));
            cursor = schedule.next(cursor);
        }
        if (once && !fires.isEmpty()) {
            return new FirePlan(due, fires, null, TaskStatus.DISABLED, claimedFrom);
        }
        return new FirePlan(due, fires, cursor, task.definition().status(), claimedFrom);
    }

    /**
     * The claim of a row whose schedule cannot be evaluated: one record of the fire at its cursor, saying why, and
     * no cursor after it, so that the task is reported once and rests until someone edits it.
     */
    static FirePlan unplannable(DueTask due, String instanceId, RuntimeException cause) {
        Task task = due.task();
        String reason = "skipped: the schedule '" + task.definition().cron() + "' cannot be evaluated (" + cause.getMessage()
                + "); the task fires again once it is edited";
        return new FirePlan(due, List.of(new PlannedFire(task.cursor().nextExecuteTime(), TriggerType.CRON, reason)), null,
                task.definition().status(), claimedFrom(due, instanceId));
    }

    private static Instant claimedFrom(DueTask due, String instanceId) {
        return instanceId.equals(due.leaseOwner()) && due.claimedFrom() != null
                ? due.claimedFrom() : due.task().cursor().nextExecuteTime();
    }
}
