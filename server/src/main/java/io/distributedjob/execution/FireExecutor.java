package io.distributedjob.execution;

import io.distributedjob.kernel.InstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;

import io.distributedjob.config.JobSettings;
import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.metrics.SchedulerMetrics;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.task.CrashPolicy;
import io.distributedjob.task.MisfirePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs fires on virtual threads, each call on a worker of the {@link WorkerPool}. Every fire runs, late if it must:
 * a fire with no free worker waits for one, and only the claim side bounds how many wait ({@code job.queueSize}).
 * Between calls a fire holds no worker; its next call waits on the {@link RetryTimer}. Every fire ends in exactly
 * one execution record, at the latest at its deadline ({@link DeadlineWatch}), and gives its worker back, whatever
 * its calls do (an Error included); a fire that does not run says why (shutting down, {@code concurrencyPolicy
 * FORBID}, missed).
 */
@Component
public class FireExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FireExecutor.class);

    private final TaskExecutors executors;
    private final RecordWriter records;
    private final Clock clock;
    private final Duration misfireThreshold;
    private final String instanceId;
    private final WorkerPool pool;
    private final ScheduledThreadPoolExecutor timers;
    private final RetryTimer retries;
    private final DeadlineWatch deadlines;
    private final FireTracing tracing;

    private final ActiveFires active = new ActiveFires();
    private final TaskAdmission admission = new TaskAdmission();
    private volatile boolean accepting = true;
    private volatile Runnable onWorkerTaken = () -> { };

    public FireExecutor(TaskExecutors executors, RecordWriter records, Clock clock, JobSettings settings,
                        InstanceId instanceId, SchedulerMetrics metrics, FireTracing tracing) {
        this.tracing = tracing;
        this.executors = executors;
        this.records = records;
        this.clock = clock;
        this.misfireThreshold = Duration.ofSeconds(settings.misfireThresholdSeconds());
        this.instanceId = instanceId.value();
        this.pool = new WorkerPool(settings);
        this.timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("fire-executor-timer").daemon(true).factory());
        this.timers.setRemoveOnCancelPolicy(true);
        this.retries = new RetryTimer(timers);
        this.deadlines = new DeadlineWatch(timers, run -> end(run, run.delivery.timedOut()));
        metrics.watchFiresWaiting(this::waiting);
        metrics.watchExecutionsRunning(this::running);
    }

    /** Takes {@code fire}, started when a worker is free; {@code afterRecorded} (or null) runs once it is recorded. */
    public void submit(Fire fire, Runnable afterRecorded) {
        submit(fire, afterRecorded, () -> true, () -> { });
    }

    /**
     * As {@link #submit(Fire, Runnable)}, asking {@code mayStart} once more when the fire takes a worker, since it
     * may have waited for one: a claimed fire must not start once its claimer's lease can no longer be proven. If
     * it may not, the fire ends here neither run nor recorded, still claimed, and {@code notStarted} runs (the
     * claimer hands it back). Both must be quick.
     */
    public void submit(Fire fire, Runnable afterRecorded, BooleanSupplier mayStart, Runnable notStarted) {
        if (!accepting) {
            recordNotRun(fire, "not run: the server was shutting down", afterRecorded);
            return;
        }
        if (!admission.admit(fire.task())) {
            recordNotRun(fire, "skipped: the previous run of this task was still going (concurrencyPolicy FORBID)",
                    afterRecorded);
            return;
        }
        FireRun run = new FireRun(fire, afterRecorded, executors.of(fire.task().definition().taskType()), mayStart,
                notStarted);
        active.add(run);
        start(pool.offer(run));
    }

    /**
     * Runs {@code listener} each time a fire takes a worker, and so stops waiting here: the claim side, which
     * bounds the fires waiting, learns at once that it has room again. It must be quick.
     */
    public void onWorkerTaken(Runnable listener) {
        onWorkerTaken = listener;
    }

    /** Fires held here that are not running: waiting for a worker, or on the timer for their next call. */
    public int waiting() {
        return pool.queued() + retries.waiting();
    }

    /** Fires started and not ended, less those waiting for a worker or their next retry. */
    public int running() {
        return Math.max(0, active.size() - waiting());
    }

    /** Whether fires of {@code taskId} are running or waiting on this instance. */
    public boolean busy(long taskId) {
        return admission.busy(taskId);
    }

    /**
     * Ends the fire {@code fireId} held here, recording {@code reason} as its error: its call is interrupted and
     * its worker goes to the next fire at once. False when no such fire is held here (or it has just ended).
     */
    public boolean cancel(String fireId, String reason) {
        for (FireRun run : active.snapshot()) {
            if (run.fire.fireId().equals(fireId) && end(run, run.delivery.cutShort(reason))) {
                interrupt(run.worker());
                return true;
            }
        }
        return false;
    }

    /** Workers whose call went on past its fire's deadline, ignoring the interrupt. */
    public int stuckWorkers() {
        return deadlines.stuckWorkers();
    }

    /** Accepts fires again after {@link #stopAccepting()}, when the application context is restarted. */
    public void startAccepting() {
        accepting = true;
        pool.dispatching(true);
    }

    /** Refuses new fires from now on; running and waiting ones go on. */
    public void stopAccepting() {
        accepting = false;
    }

    /**
     * Waits until every fire taken has ended, or the deadline passes; then ends what is left and returns false:
     * a fire that had started is recorded as cut short by the shutdown (its call interrupted), a claimed fire that
     * had not stays claimed and unrecorded, for another instance to take over. Never waits past the deadline.
     */
    public boolean awaitIdle(Instant deadline) throws InterruptedException {
        if (active.awaitNone(clock, deadline)) {
            return true;
        }
        pool.dispatching(false);
        int left = 0;
        for (FireRun run : active.snapshot()) {
            if (run.started() == null && run.fire.claimed()) {
                left += end(run, null) ? 1 : 0;
            } else if (end(run, run.delivery.cutShort(run.started() == null ? "not run: the server shut down first"
                    : "interrupted: the server shut down before the run ended"))) {
                interrupt(run.worker());
            }
        }
        if (left > 0) {
            log.warn("{} claimed fires had not started when the shutdown wait ended: they stay claimed and unrecorded,"
                    + " for another instance to take over after the lease", left);
        }
        return false;
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    private void start(List<FireRun> runs) {
        for (FireRun run : runs) {
            Thread.ofVirtual().name("fire-", run.task().id()).start(() -> work(run));
        }
    }

    /** One turn of a fire on a worker: its calls until it is decided or must wait for the next one. */
    private void work(FireRun run) {
        run.worker(Thread.currentThread());
        try {
            onWorkerTaken.run();
            if (!run.ended() && (run.started() != null || begin(run))) {
                call(run);
            }
        } catch (InterruptedException e) {
            end(run, run.delivery.cutShort("interrupted before the call finished"));
        } catch (Exception | Error e) {
            log.error("Fire {} failed unexpectedly", run.fire.fireId(), e);
            end(run, run.delivery.cutShort("internal error: " + e));
        } finally {
            run.worker(null);
            deadlines.returned(run);
            giveWorkerBack(run);
        }
    }

    /**
     * The first turn: the misfire rule, then the deadline starts and the running record is written (under
     * RECORD_UNKNOWN the call waits for it, so that a takeover knows the call was under way). False when the fire
     * ends here.
     */
    private boolean begin(FireRun run) throws InterruptedException {
        if (!run.mayStart.getAsBoolean()) {
            if (end(run, null)) {
                run.notStarted.run();
            }
            return false;
        }
        Instant now = clock.instant();
        run.started(now);
        if (run.executor == null) {
            end(run, ExecutionOutcome.failure(TaskExecutors.unavailable(run.task().definition().taskType())));
            return false;
        }
        Instant scheduled = run.fire.scheduledTime();
        if (run.trigger() == TriggerType.CRON && MisfireRule.missed(scheduled, now, misfireThreshold)) {
            if (run.task().definition().misfirePolicy() == MisfirePolicy.SKIP) {
                end(run, MisfireRule.skippedAfterWaiting(scheduled, now));
                return false;
            }
            run.trigger(TriggerType.MISFIRE);
        }
        run.trace(tracing.begin(run.fire, run.trigger(), now));
        deadlines.watch(run, run.delivery.budget());
        // Under RERUN a takeover calls the fire again whether or not it had started, so only RECORD_UNKNOWN,
        // which must know, holds the call until the running record is in the database.
        records.started(FireRecords.running(run.fire, run.trigger(), now, instanceId),
                run.task().definition().crashPolicy() == CrashPolicy.RECORD_UNKNOWN);
        return true;
    }

    private void call(FireRun run) throws InterruptedException {
        while (!run.ended()) {
            Attempt attempt = run.trace().call(run.executor, run.fire, run.delivery.next());
            Duration wait = run.delivery.record(attempt);
            run.trace().decided(wait, run.delivery.next());
            if (wait == null) {
                end(run, run.delivery.outcome());
                return;
            }
            if (!wait.isZero()) {
                retries.hold(run, wait, waited -> start(pool.offer(waited)));
                return;
            }
        }
    }

    private static void interrupt(Thread worker) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void giveWorkerBack(FireRun run) {
        if (run.giveWorkerBack()) {
            start(pool.release(run));
        }
    }

    /**
     * Ends {@code run} with {@code outcome}: its one record, its worker and its place given back. A null outcome
     * writes no record: the fire stays claimed for another instance. False if it had ended already (a late result
     * after the deadline or the shutdown is dropped).
     */
    private boolean end(FireRun run, ExecutionOutcome outcome) {
        if (!run.end()) {
            return false;
        }
        try {
            run.cancelDeadline();
            retries.takeOff(run);
            pool.withdraw(run);
            giveWorkerBack(run);
            admission.left(run.task());
            Instant end = clock.instant();
            Instant start = run.started() == null ? end : run.started();
            if (outcome != null) {
                records.write(FireRecords.of(run.fire, run.trigger(), start, end, outcome, instanceId,
                        run.endTrace(outcome)), run.afterRecorded);
            }
        } finally {
            active.remove(run);
        }
        return true;
    }

    private void recordNotRun(Fire fire, String reason, Runnable afterRecorded) {
        records.write(FireRecords.notRun(fire, clock.instant(), reason, instanceId), afterRecorded);
    }
}
