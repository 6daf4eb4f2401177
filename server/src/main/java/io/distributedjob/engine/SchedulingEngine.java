package io.distributedjob.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.distributedjob.config.JobSettings;
import io.distributedjob.engine.ClaimStore.InstanceMissingException;
import io.distributedjob.engine.FirePlan.PlannedFire;
import io.distributedjob.execution.ExecutionOutcome;
import io.distributedjob.execution.Fire;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.execution.InstanceId;
import io.distributedjob.lifecycle.Drainable;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.record.TriggerType;
import io.distributedjob.storage.SqlDialect;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskEngine;
import io.distributedjob.web.ApiException;
import io.distributedjob.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduling engine of this instance. One loop thread, every {@code job.pollIntervalMs}: publishes the
 * heartbeat and watermark, takes over from silent instances, follows task edits made elsewhere, and claims the
 * fires due within {@code job.lookaheadMs} in batches; claimed fires wait on the in-memory timer and start at
 * their instant on the fire executor. Claims and watermark publication run on that one thread only, so a
 * published watermark always accounts for every claim made before it.
 */
@Component
public class SchedulingEngine implements SmartLifecycle, Drainable, TaskEngine {

    private static final Logger log = LoggerFactory.getLogger(SchedulingEngine.class);
    /** Waits this long on a shutdown that did not come through {@code GET /shutdown}. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration LOOP_JOIN = Duration.ofSeconds(10);
    /** An instance may hold this fraction (1/n) of its share more before it hands tasks over. */
    private static final int BALANCE_SLACK_DIVISOR = 10;
    /** How long a deletion is remembered for the other instances: far longer than any of their poll rounds. */
    private static final Duration DELETIONS_KEPT = Duration.ofHours(1);
    /** Polls during which a handed-over task is left to the other instances. */
    private static final int HAND_OVER_POLLS = 3;

    private final JobSettings settings;
    private final Clock clock;
    private final String self;
    private final String host;
    private final EngineInstances instances;
    private final ClaimStore store;
    private final FirePlanner planner;
    private final LeaseReaper reaper;
    private final FireExecutor executor;
    private final RecordWriter records;
    private final OutstandingFires outstanding = new OutstandingFires();
    private final FireTimer timer;
    /** Rows this instance leases, with the version its last claim gave them. */
    private final Map<Long, Long> leasedVersions = new ConcurrentHashMap<>();
    /** Leased rows being handed to other instances: no longer claimed here, released once recorded. */
    private final Set<Long> leaving = ConcurrentHashMap.newKeySet();
    /** Rows handed over, and until when they are left to the others. */
    private final Map<Long, Instant> handedOver = new ConcurrentHashMap<>();

    private final ReentrantLock pollLock = new ReentrantLock();
    private final Condition pollRequested = pollLock.newCondition();
    private boolean wakeRequested;
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private volatile boolean running;
    private volatile Thread loop;

    public SchedulingEngine(JobSettings settings, Clock clock, InstanceId instanceId, JdbcTemplate jdbc,
                            TransactionTemplate transactions, SqlDialect dialect, FireExecutor executor,
                            RecordWriter records, RecordService recordService) {
        this.settings = settings;
        this.clock = clock;
        this.self = instanceId.value();
        this.host = instanceId.host();
        this.instances = new EngineInstances(JdbcClient.create(jdbc));
        this.store = new ClaimStore(jdbc, transactions, instances, dialect);
        this.planner = new FirePlanner(Duration.ofSeconds(settings.misfireThresholdSeconds()));
        this.reaper = new LeaseReaper(instances, store, recordService, Duration.ofSeconds(settings.leaseSeconds()), self);
        this.executor = executor;
        this.records = records;
        this.timer = new FireTimer(clock, this::dispatch);
    }

    @Override
    public void start() {
        instances.register(self, host, outstanding.watermark(), clock.instant());
        accepting.set(true);
        executor.startAccepting();
        running = true;
        timer.start();
        loop = Thread.ofPlatform().name("scheduling-engine").daemon(true).start(this::runLoop);
        log.info("Scheduling engine {} started (poll {} ms, look-ahead {} ms, lease {} s)", self,
                settings.pollIntervalMs(), settings.lookaheadMs(), settings.leaseSeconds());
    }

    @Override
    public void stop() {
        if (accepting.get()) {
            stopAccepting();
            try {
                awaitIdle(clock.instant().plus(STOP_WAIT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return RecordWriter.PHASE + 1;
    }

    @Override
    public void stopAccepting() {
        if (!accepting.compareAndSet(true, false)) {
            return;
        }
        running = false;
        wakeUp();
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join(LOOP_JOIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor.stopAccepting();
        release(timer.stop());
    }

    @Override
    public boolean awaitIdle(Instant deadline) throws InterruptedException {
        boolean finished = executor.awaitIdle(deadline);
        records.flush();
        Instant watermark = outstanding.watermark();
        try {
            if (watermark == null) {
                instances.remove(self);
            } else {
                instances.heartbeat(self, watermark, clock.instant());
                log.warn("{} claimed fires are left to other instances after the lease expires", outstanding.size());
            }
        } catch (RuntimeException e) {
            log.warn("Could not unregister engine instance {}: {}", self, e.toString());
        }
        return finished;
    }

    @Override
    public void taskChanged(Task task) {
        revise(task);
        wakeUp();
    }

    @Override
    public void taskDeleted(long taskId) {
        dropClaimed(timer.revise(taskId, fire -> null));
        leasedVersions.remove(taskId);
        leaving.remove(taskId);
        handedOver.remove(taskId);
    }

    @Override
    public StartedFire runNow(Task task, TriggerType trigger) {
        if (!accepting.get()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "the server is shutting down");
        }
        Fire fire = new Fire(task, clock.instant().truncatedTo(ChronoUnit.MILLIS), trigger, false);
        executor.submit(fire, null);
        return new StartedFire(fire.fireId(), fire.scheduledTime());
    }

    /** Asks the loop to poll now rather than at the end of its interval. */
    void wakeUp() {
        pollLock.lock();
        try {
            wakeRequested = true;
            pollRequested.signalAll();
        } finally {
            pollLock.unlock();
        }
    }

    /**
     * Each poll interval, the whole round: heartbeat and watermark, take-overs, edits and deletions made
     * elsewhere, balance, claims. A wake-up between rounds (a task changed here) only claims: the change itself
     * is already applied, and a burst of edits must not turn into a burst of full rounds.
     */
    private void runLoop() {
        Instant changesSeen = clock.instant();
        Instant nextReap = clock.instant();
        Instant nextRound = clock.instant();
        Duration pollInterval = Duration.ofMillis(settings.pollIntervalMs());
        Duration reapInterval = Duration.ofSeconds(settings.leaseSeconds()).dividedBy(2);
        Duration changeMargin = pollInterval.multipliedBy(2);
        while (running) {
            try {
                Instant now = clock.instant();
                if (!now.isBefore(nextRound)) {
                    nextRound = now.plus(pollInterval);
                    publishWatermark(now);
                    if (!now.isBefore(nextReap)) {
                        reaper.reap(now);
                        store.forgetDeletions(now.minus(DELETIONS_KEPT));
                        nextReap = now.plus(reapInterval);
                    }
                    Instant changesFrom = changesSeen.minus(changeMargin);
                    for (Task changed : store.changedSince(changesFrom)) {
                        revise(changed);
                    }
                    store.deletedSince(changesFrom).forEach(this::taskDeleted);
                    changesSeen = now;
                    balance(now);
                }
                claimDue();
            } catch (InstanceMissingException e) {
                log.warn("{}: registering again", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Scheduling poll failed, retrying at the next one: {}", e.toString());
            }
            awaitNextPoll(nextRound);
        }
    }

    private void publishWatermark(Instant now) {
        Instant watermark = outstanding.watermark();
        if (!instances.heartbeat(self, watermark, now)) {
            log.warn("Engine instance {} had been taken for dead by another instance: registering again", self);
            instances.register(self, host, watermark, now);
        }
    }

    private void claimDue() {
        int batch = settings.claimBatchSize();
        List<DueTask> due;
        int claimed;
        do {
            Instant now = clock.instant();
            Instant horizon = now.plusMillis(settings.lookaheadMs());
            due = store.findDue(self, horizon, batch);
            List<DueTask> wanted = due.stream().filter(row -> wants(row, now)).toList();
            claimed = wanted.isEmpty() ? 0 : claim(wanted, now, horizon);
        } while (due.size() == batch && claimed > 0 && running);
    }

    /** Rows this instance is handing to others are left to them (for a while, if nobody else takes them). */
    private boolean wants(DueTask row, Instant now) {
        long id = row.task().id();
        if (leaving.contains(id)) {
            return false;
        }
        Instant until = handedOver.get(id);
        if (until == null) {
            return true;
        }
        if (now.isAfter(until)) {
            handedOver.remove(id);
            return true;
        }
        return false;
    }

    private int claim(List<DueTask> due, Instant now, Instant horizon) {
        List<FirePlan> plans = new ArrayList<>(due.size());
        List<OutstandingFires.Key> planned = new ArrayList<>();
        for (DueTask row : due) {
            FirePlan plan = planSafely(row, now, horizon);
            plans.add(plan);
            plan.fires().forEach(fire -> planned.add(new OutstandingFires.Key(plan.taskId(), fire.scheduledTime())));
        }
        Instant earliest = planned.stream().map(OutstandingFires.Key::scheduledTime).min(Comparator.naturalOrder())
                .orElse(now);
        outstanding.addAll(planned);
        Set<Long> won;
        try {
            won = store.claim(plans, self, earliest, now);
        } catch (RuntimeException e) {
            outstanding.removeAll(planned);
            throw e;
        }
        List<Fire> toTimer = new ArrayList<>();
        for (FirePlan plan : plans) {
            if (!won.contains(plan.taskId())) {
                plan.fires().forEach(fire -> outstanding.remove(plan.taskId(), fire.scheduledTime()));
                continue;
            }
            leasedVersions.put(plan.taskId(), plan.due().task().version() + 1);
            Task task = plan.due().task();
            for (PlannedFire fire : plan.fires()) {
                if (fire.skipReason() == null) {
                    toTimer.add(new Fire(task, fire.scheduledTime(), fire.trigger(), true));
                } else {
                    recordSkipped(new Fire(task, fire.scheduledTime(), fire.trigger(), true), fire.skipReason());
                }
            }
        }
        timer.schedule(toTimer);
        return won.size();
    }

    /**
     * Keeps the instances' shares of the scheduled tasks even. A task stays with the instance that claimed it
     * while that instance has fires of it unrecorded, so an instance holding more than its share (it started
     * first, or others joined) stops claiming the surplus and, once each such task's fires are recorded, ends
     * its lease; it then leaves those tasks to the others for a few polls.
     */
    private void balance(Instant now) {
        long live = Math.max(1, instances.countAlive(now.minusSeconds(settings.leaseSeconds())));
        long share = (store.countScheduled() + live - 1) / live;
        long slack = Math.max(1, share / BALANCE_SLACK_DIVISOR);
        long surplus = leasedVersions.size() - leaving.size() - share - slack;
        for (Long id : leasedVersions.keySet()) {
            if (surplus <= 0) {
                break;
            }
            if (leaving.add(id)) {
                surplus--;
            }
        }
        List<long[]> releasable = new ArrayList<>();
        for (Long id : leaving) {
            Long version = leasedVersions.get(id);
            if (version == null) {
                leaving.remove(id);
            } else if (!outstanding.holds(id)) {
                releasable.add(new long[] {id, version});
            }
        }
        if (releasable.isEmpty()) {
            return;
        }
        store.endLeases(releasable, self);
        Instant until = now.plusMillis(HAND_OVER_POLLS * settings.pollIntervalMs());
        for (long[] row : releasable) {
            leasedVersions.remove(row[0]);
            leaving.remove(row[0]);
            handedOver.put(row[0], until);
        }
        log.info("Handed {} tasks over to other instances ({} live, share {})", releasable.size(), live, share);
    }

    private FirePlan planSafely(DueTask row, Instant now, Instant horizon) {
        try {
            return planner.plan(row, self, now, horizon);
        } catch (RuntimeException e) {
            log.error("Task {} has a schedule that cannot be evaluated ({}): it will not fire until it is edited",
                    row.task().id(), e.getMessage());
            return new FirePlan(row, List.of(), null, row.task().status(), row.task().nextExecuteTime());
        }
    }

    private void recordSkipped(Fire fire, String reason) {
        Instant now = clock.instant();
        Task task = fire.task();
        ExecutionOutcome outcome = ExecutionOutcome.failure(reason);
        records.write(new ExecutionRecord(task.id(), task.name(), task.taskType().name(), task.departmentId(),
                fire.fireId(), fire.scheduledTime(), now, now, 0, false, ExecutionRecord.FAILED, null, null,
                outcome.error(), 0, false, fire.trigger(), self), () -> outstanding.remove(task.id(), fire.scheduledTime()));
    }

    private void dispatch(Fire fire) {
        executor.submit(fire, fire.claimed() ? () -> outstanding.remove(fire.task().id(), fire.scheduledTime()) : null);
    }

    /**
     * Brings the fires held for {@code task} in line with its current definition: dropped when it no longer
     * fires or fires at other times, otherwise run with the new definition.
     */
    private void revise(Task task) {
        dropClaimed(timer.revise(task.id(), fire -> {
            Task held = fire.task();
            if (!task.scheduled() || !held.sameScheduleAs(task)) {
                return null;
            }
            return held.updateTime().equals(task.updateTime()) ? fire : fire.withTask(task);
        }));
    }

    private void dropClaimed(List<Fire> dropped) {
        for (Fire fire : dropped) {
            if (fire.claimed()) {
                outstanding.remove(fire.task().id(), fire.scheduledTime());
            }
        }
    }

    /**
     * Hands back the fires claimed but not started: each row's cursor goes back to its earliest such fire. The
     * lease is kept on rows whose task still runs here, so that they stay protected until recorded.
     */
    private void release(List<Fire> unstarted) {
        Map<Long, List<Fire>> byTask = new LinkedHashMap<>();
        for (Fire fire : unstarted) {
            if (fire.claimed()) {
                byTask.computeIfAbsent(fire.task().id(), id -> new ArrayList<>()).add(fire);
            }
        }
        List<ClaimStore.HandBack> rows = new ArrayList<>();
        for (Map.Entry<Long, List<Fire>> entry : byTask.entrySet()) {
            Fire first = entry.getValue().stream().min(Comparator.comparing(Fire::scheduledTime)).orElseThrow();
            Long version = leasedVersions.get(entry.getKey());
            if (version != null) {
                rows.add(new ClaimStore.HandBack(entry.getKey(), version, first.scheduledTime(), first.task().status(),
                        executor.busy(entry.getKey())));
            }
        }
        try {
            store.handBack(rows, self);
        } catch (RuntimeException e) {
            log.warn("Could not hand back {} claimed fires; other instances take them after the lease: {}",
                    unstarted.size(), e.toString());
            return;
        }
        byTask.values().forEach(fires -> fires.forEach(fire -> outstanding.remove(fire.task().id(), fire.scheduledTime())));
        byTask.keySet().forEach(leasedVersions::remove);
        if (!unstarted.isEmpty()) {
            log.info("Handed back {} claimed fires that had not started", unstarted.size());
        }
    }

    private void awaitNextPoll(Instant nextRound) {
        pollLock.lock();
        try {
            long waitMillis = Duration.between(clock.instant(), nextRound).toMillis();
            if (!wakeRequested && running && waitMillis > 0) {
                pollRequested.await(Math.min(waitMillis, settings.pollIntervalMs()), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            pollLock.unlock();
        }
    }

    /** Fires waiting on this instance's timer (for tests and diagnostics). */
    int pendingFires() {
        return timer.pending();
    }
}
