package io.distributedjob.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

import io.distributedjob.engine.ClaimStore.InstanceMissingException;
import io.distributedjob.engine.FirePlan.PlannedFire;
import io.distributedjob.execution.Fire;
import io.distributedjob.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims the fires due within the look-ahead, as many as this instance has room for: at most {@code job.queueSize}
 * fires held and not started, of the tasks in its partition (every task without etcd). Due fires beyond the room
 * stay in the database, where an instance with room takes them. A row whose schedule cannot be evaluated is claimed
 * once to record why, and never blocks the others. A claim whose outcome is unknown (the connection broke around the
 * commit) stays in doubt, its fires counted in the watermark, until a read of the rows says which this instance won.
 * A claim stops between batches once its time is up, leaving the rest due for the next pass: the heartbeat shares
 * the poll thread, and a herd claimed in one go on a slow database would outlast the lease and fence the instance.
 */
final class ClaimStep {

    private static final Logger log = LoggerFactory.getLogger(ClaimStep.class);

    private final ClaimStore store;
    private final FirePlanner planner;
    private final String self;
    private final int batchSize;
    private final int queueSize;
    private final OutstandingFires outstanding;
    private final LeasedRows leased;
    private final DisabledDepartments departments;
    private final FireHolder holder;
    private final LongPredicate ours;
    /**
     * The room worth a claim between polls: half the queue, at most a batch. Claiming each slot as it frees would
     * run one query and one update per fire and cost more than the fires themselves.
     */
    private final int wave;
    private List<FirePlan> inDoubt = List.of();
    /** The last claim left due fires in the database for lack of room. */
    private volatile boolean cappedByRoom;
    /** The last claim stopped for time with due rows left to read. */
    private boolean cutShort;

    ClaimStep(ClaimStore store, FirePlanner planner, String self, int batchSize, int queueSize,
              OutstandingFires outstanding, LeasedRows leased, DisabledDepartments departments, FireHolder holder,
              LongPredicate ours) {
        this.store = store;
        this.planner = planner;
        this.self = self;
        this.batchSize = batchSize;
        this.queueSize = queueSize;
        this.outstanding = outstanding;
        this.leased = leased;
        this.departments = departments;
        this.holder = holder;
        this.ours = ours;
        this.wave = Math.max(1, Math.min(batchSize, queueSize / 2));
    }

    /** Claims what is due up to {@code horizon} and fits, batch by batch until {@code timeUp}; returns the plans won. */
    List<FirePlan> claimDue(Instant now, Instant horizon, BooleanSupplier timeUp) {
        List<FirePlan> won = new ArrayList<>(resolveInDoubt());
        cappedByRoom = false;
        cutShort = false;
        int room = queueSize - holder.held();
        // due rows of other members' partitions stay in the database: each read reaches past the ones seen so far
        int foreign = 0;
        while (true) {
            if (room <= 0) {
                cappedByRoom = true;
                break;
            }
            int limit = Math.min(batchSize, room) + foreign;
            List<DueTask> due = store.findDue(self, horizon, limit);
            List<DueTask> mine = due.stream().filter(row -> ours.test(row.task().id())).toList();
            List<FirePlan> plans = plan(mine, now, horizon, room);
            List<FirePlan> taken = plans.isEmpty() ? List.of() : claim(plans, now);
            won.addAll(taken);
            int foreignSeen = due.size() - mine.size();
            if (due.size() < limit || (taken.isEmpty() && foreignSeen == foreign)) {
                break;
            }
            foreign = foreignSeen;
            room = queueSize - holder.held();
            if (timeUp.getAsBoolean()) {
                cutShort = true;
                break;
            }
        }
        return won;
    }

    /** Whether the last claim stopped for time while due rows were left to read. */
    boolean cutShort() {
        return cutShort;
    }

    /** Whether the last claim left due fires unclaimed for lack of room and a wave of room has freed since. */
    boolean roomForAWave() {
        return cappedByRoom && queueSize - holder.held() >= wave;
    }

    private List<FirePlan> plan(List<DueTask> due, Instant now, Instant horizon, int room) {
        Set<Long> disabled = departments.disabled();
        // each row's share of the room: evaluating every row's schedule for the whole room only for most of those
        // fires to be cut again would cost rows times room evaluations, the better part of a claim in a herd
        int perRow = Math.max(1, room / Math.max(1, due.size()));
        List<FirePlan> plans = new ArrayList<>();
        for (DueTask row : due) {
            if (!leased.wants(row.task().id(), now)) {
                continue;
            }
            FirePlan plan = disabled.contains(row.task().definition().departmentId())
                    ? planSafely(row, now, now, perRow).skippingAll(DisabledDepartments.reason(row.task().definition().departmentId()))
                    : planSafely(row, now, horizon, perRow);
            if (!plan.fires().isEmpty()) {
                plans.add(plan);
            }
        }
        return earliestFirst(plans, room);
    }

    /**
     * Cuts the plans down to the {@code room} earliest fires over all of them, so that the room goes to the next
     * instant of every task before any task's later fires: with less room than a herd on one second needs, the
     * first rows read must not take the coming seconds while the others' fires of this second wait.
     */
    private List<FirePlan> earliestFirst(List<FirePlan> plans, int room) {
        int total = plans.stream().mapToInt(plan -> plan.fires().size()).sum();
        if (total <= room) {
            return plans;
        }
        cappedByRoom = true;
        List<Instant> instants = new ArrayList<>(total);
        plans.forEach(plan -> plan.fires().forEach(fire -> instants.add(fire.scheduledTime())));
        instants.sort(Comparator.naturalOrder());
        Instant cut = instants.get(room - 1);
        int atCut = room - (int) instants.stream().limit(room).filter(cut::isAfter).count();
        List<FirePlan> cutDown = new ArrayList<>();
        for (FirePlan plan : plans) {
            int kept = 0;
            for (PlannedFire fire : plan.fires()) {
                if (fire.scheduledTime().isAfter(cut) || (fire.scheduledTime().equals(cut) && atCut == 0)) {
                    break;
                }
                if (fire.scheduledTime().equals(cut)) {
                    atCut--;
                }
                kept++;
            }
            if (kept > 0) {
                cutDown.add(plan.firstFires(kept));
            }
        }
        return cutDown;
    }

    private FirePlan planSafely(DueTask row, Instant now, Instant horizon, int maxFires) {
        try {
            return planner.plan(row, self, now, horizon, maxFires);
        } catch (RuntimeException e) {
            log.error("Task {} has a schedule that cannot be evaluated ({}): it will not fire until it is edited",
                    row.task().id(), e.getMessage());
            return FirePlanner.unplannable(row, self, e);
        }
    }

    private List<FirePlan> claim(List<FirePlan> plans, Instant now) {
        List<OutstandingFires.Key> planned = keys(plans);
        Instant earliest = planned.stream().map(OutstandingFires.Key::scheduledTime).min(Comparator.naturalOrder())
                .orElse(now);
        outstanding.addAll(planned);
        Set<Long> won;
        try {
            won = store.claim(plans, self, earliest, now);
        } catch (InstanceMissingException e) {
            outstanding.removeAll(planned);
            throw e;
        } catch (RuntimeException e) {
            inDoubt = plans;
            throw e;
        }
        return take(plans, won);
    }

    /** After a claim whose outcome is unknown: takes the rows it won, lets go of the others. */
    private List<FirePlan> resolveInDoubt() {
        if (inDoubt.isEmpty()) {
            return List.of();
        }
        List<FirePlan> plans = inDoubt;
        Set<Long> won = store.wonBy(plans, self);
        inDoubt = List.of();
        if (!won.isEmpty()) {
            log.warn("A claim whose acknowledgement was lost had won {} rows: their fires run now", won.size());
        }
        return take(plans, won);
    }

    private List<FirePlan> take(List<FirePlan> plans, Set<Long> won) {
        List<FirePlan> taken = new ArrayList<>();
        List<Fire> toHold = new ArrayList<>();
        for (FirePlan plan : plans) {
            if (!won.contains(plan.taskId())) {
                plan.fires().forEach(fire -> outstanding.remove(plan.taskId(), fire.scheduledTime()));
                continue;
            }
            taken.add(plan);
            Task task = plan.due().task();
            leased.claimed(plan.taskId(), task.cursor().version() + 1);
            for (PlannedFire fire : plan.fires()) {
                Fire claimed = new Fire(task, fire.scheduledTime(), fire.trigger(), true);
                if (fire.skipReason() == null) {
                    toHold.add(claimed);
                } else {
                    holder.skip(claimed, fire.skipReason());
                }
            }
        }
        holder.hold(toHold);
        return taken;
    }

    private static List<OutstandingFires.Key> keys(List<FirePlan> plans) {
        List<OutstandingFires.Key> keys = new ArrayList<>();
        for (FirePlan plan : plans) {
            plan.fires().forEach(fire -> keys.add(new OutstandingFires.Key(plan.taskId(), fire.scheduledTime())));
        }
        return keys;
    }
}
