package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

import io.distributedjob.cluster.ClusterMembership;
import io.distributedjob.metrics.SchedulerMetrics;
import io.distributedjob.cron.Schedule;
import io.distributedjob.engine.EngineInstances.Lease;
import io.distributedjob.record.RecordService;
import io.distributedjob.task.CrashPolicy;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the fires of instances that fell silent for longer than the lease. For each row such an instance
 * still leases with fires not known to be recorded, the cursor goes back to the first of its fires that has no
 * record, and the lease ends: the next claim (by any instance) runs those fires again with the same fire ids,
 * late but not lost. A fire whose call had started (its running record is in the database) follows its task's
 * {@code crashPolicy}: {@code RERUN} runs it again, and the target, which may then see it twice, can drop the
 * second call by its {@code X-DJ-Fire-Id}; {@code RECORD_UNKNOWN} records its outcome as unknown instead.
 */
final class LeaseReaper {

    private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);
    /** Bounds the walk over a row's fires looking for the first unrecorded one. */
    private static final int MAX_STEPS = 100_000;

    private final EngineInstances instances;
    private final ClaimStore store;
    private final RecordService records;
    private final Duration lease;
    private final String self;
    private final SchedulerMetrics metrics;
    private final ClusterMembership membership;
    private final LongPredicate ours;

    /** {@code ours}: whether a task is in this instance's partition under the membership as it is now. */
    LeaseReaper(EngineInstances instances, ClaimStore store, RecordService records, Duration lease, String self,
                SchedulerMetrics metrics, ClusterMembership membership, LongPredicate ours) {
        this.metrics = metrics;
        this.membership = membership;
        this.ours = ours;
        this.instances = instances;
        this.store = store;
        this.records = records;
        this.lease = lease;
        this.self = self;
    }

    /**
     * Takes over from every silent instance; returns the number of rows whose cursor went back. A silent
     * instance is forgotten once all its rows are taken over; if one failed, the next reap tries again.
     */
    int reap(Instant now) {
        Instant cutoff = now.minus(lease);
        int rewound = 0;
        for (Lease silent : instances.silentSince(cutoff, self)) {
            TakeOver result = takeOverAll(silent, store.leasedBy(silent.instanceId()));
            rewound += result.rewound();
            if (result.complete()) {
                instances.removeSilent(silent.instanceId(), cutoff);
                metrics.leaseTakenOver();
                log.warn("Instance {} fell silent for more than {} s: took over its claimed fires",
                        silent.instanceId(), lease.toSeconds());
            }
        }
        return rewound;
    }

    /**
     * Takes over at once from a member the cluster reported gone (its etcd lease expired), without waiting for its
     * database heartbeat to age: it was fenced before its lease could expire, so it starts none of its fires. The
     * etcd revision of its expiry, the takeover's fencing token, goes to the log; the rows themselves are guarded by
     * their version, so a second takeover of the same row changes nothing. Each member takes over the rows now in
     * its own partition, the ones it will claim, so that the survivors share the work rather than each doing all of
     * it; a row no member took because their views of the membership differed is left to the database reaping.
     */
    int takeOverGone(String instanceId, long revision) {
        if (instanceId.equals(self)) {
            return 0;
        }
        return instances.lease(instanceId).map(gone -> {
            // The rows are read before the cluster is asked: a member that registers again after the answer bumps
            // the version of each row it then hands back or claims, so the conditional rewinds cannot undo those.
            List<DueTask> rows = store.leasedBy(instanceId).stream().filter(row -> ours.test(row.task().id())).toList();
            if (membership.registered(instanceId)) {
                log.info("Member {} reported gone (etcd revision {}) is registered again: it hands back the fires it"
                        + " held while fenced itself", instanceId, revision);
                return 0;
            }
            TakeOver result = takeOverAll(gone, rows);
            log.warn("Member {} left the cluster (etcd revision {}): took over {} of its rows at once", instanceId,
                    revision, result.rewound());
            return result.rewound();
        }).orElse(0);
    }

    /**
     * Under {@code crashPolicy RECORD_UNKNOWN} the fires whose calls had started on the silent instance are
     * recorded as of unknown outcome, and so are not run again; under {@code RERUN} they are run again like the
     * fires it had not started.
     */
    private void recordUnknown(Task task, String silent, Instant from, Instant end) {
        int unknown = records.recordUnknown(task.id(), silent, from, end, "outcome unknown: instance " + silent
                + " stopped while the call was under way; not called again (crashPolicy RECORD_UNKNOWN)");
        if (unknown > 0) {
            log.warn("Recorded {} fires of task {} as of unknown outcome: their calls had started on silent instance"
                    + " {}", unknown, task.id(), silent);
        }
    }

    private TakeOver takeOverAll(Lease silent, List<DueTask> rows) {
        int rewound = 0;
        boolean complete = true;
        if (silent.doneBefore() != null) {
            for (DueTask row : rows) {
                try {
                    rewound += takeOver(row, silent) ? 1 : 0;
                } catch (RuntimeException e) {
                    complete = false;
                    log.warn("Could not take task {} over from silent instance {}, trying again at the next"
                            + " reap: {}", row.task().id(), silent.instanceId(), e.toString());
                }
            }
        }
        return new TakeOver(rewound, complete);
    }

    private record TakeOver(int rewound, boolean complete) {
    }

    /**
     * A row whose schedule cannot be evaluated has its lease ended with its cursor left where the claim path
     * finds it, which records why once; it never keeps the other rows from being taken over.
     */
    private boolean takeOver(DueTask row, Lease silent) {
        Task task = row.task();
        Instant from = row.claimedFrom();
        Instant next = task.cursor().nextExecuteTime();
        if (from == null || (next != null && !next.isAfter(silent.doneBefore()))) {
            return false;
        }
        Schedule schedule;
        try {
            schedule = FirePlanner.schedule(task);
        } catch (RuntimeException e) {
            log.warn("Task {} leased by silent instance {} has a schedule that cannot be evaluated ({}): its lease"
                    + " ends and the next claim reports it", task.id(), silent.instanceId(), e.getMessage());
            return store.rewind(task.id(), task.cursor().version(), silent.instanceId(), next == null ? from : next,
                    task.definition().status());
        }
        return takeOver(row, silent, schedule);
    }

    private boolean takeOver(DueTask row, Lease silent, Schedule schedule) {
        Task task = row.task();
        Instant from = row.claimedFrom();
        Instant next = task.cursor().nextExecuteTime();
        Instant doneBefore = silent.doneBefore();
        Instant candidate = from.isBefore(doneBefore) ? schedule.next(doneBefore.minusMillis(1)) : from;
        Instant end = next == null ? from.plusMillis(1) : next;
        if (candidate != null && candidate.isBefore(end)) {
            if (task.definition().crashPolicy() == CrashPolicy.RECORD_UNKNOWN) {
                recordUnknown(task, silent.instanceId(), candidate, end);
            }
            Set<Instant> recorded = records.recordedScheduledTimes(task.id(), candidate, end);
            for (int step = 0; step < MAX_STEPS && candidate != null && candidate.isBefore(end)
                    && recorded.contains(candidate); step++) {
                candidate = schedule.next(candidate);
            }
        }
        boolean unrecorded = candidate != null && candidate.isBefore(end);
        Instant cursor = unrecorded ? candidate : next;
        TaskStatus own = task.definition().status();
        TaskStatus status = unrecorded && own == TaskStatus.DISABLED ? TaskStatus.TEMPORARY : own;
        return store.rewind(task.id(), task.cursor().version(), silent.instanceId(), cursor, status) && unrecorded;
    }
}
