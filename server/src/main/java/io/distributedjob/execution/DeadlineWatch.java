package io.distributedjob.execution;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends each fire at its deadline ({@link RetryWithFallback#budget()}): the fire is recorded as timed out and its
 * worker given back at once, and the call still running is interrupted. A worker whose call is still running
 * {@link #STUCK_AFTER} later ignored the interrupt: it is a stuck worker, logged once and counted until its call
 * returns (its result is then dropped, the fire being recorded already).
 */
final class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final Duration STUCK_AFTER = Duration.ofSeconds(1);

    private final ScheduledExecutorService timers;
    private final Predicate<FireRun> timeOut;
    private final Set<FireRun> stuck = ConcurrentHashMap.newKeySet();

    /** {@code timeOut} ends the run as timed out; false if it had ended already. */
    DeadlineWatch(ScheduledExecutorService timers, Predicate<FireRun> timeOut) {
        this.timers = timers;
        this.timeOut = timeOut;
    }

    void watch(FireRun run, Duration budget) {
        run.deadlineTimer(timers.schedule(() -> expire(run, budget), budget.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Called by a worker whose call returned, after it let go of the run. */
    void returned(FireRun run) {
        if (stuck.remove(run)) {
            log.info("The stuck worker of fire {} is free again; its late result was dropped", run.fire.fireId());
        }
    }

    int stuckWorkers() {
        return stuck.size();
    }

    /**
     * The worker is read after the run is ended: a worker that takes the run later sees it ended and stops, so
     * none is missed.
     */
    private void expire(FireRun run, Duration budget) {
        if (!timeOut.test(run)) {
            return;
        }
        Thread worker = run.worker();
        if (worker == null) {
            return;
        }
        worker.interrupt();
        timers.schedule(() -> checkStuck(run, worker, budget), STUCK_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkStuck(FireRun run, Thread worker, Duration budget) {
        if (run.worker() != worker) {
            return;
        }
        stuck.add(run);
        if (run.worker() != worker) {
            stuck.remove(run);
            return;
        }
        log.warn("Worker {} is stuck: fire {} of task {} passed its deadline of {} s and its call ignored the interrupt;"
                        + " the fire is recorded as timed out and its worker replaced", worker, run.fire.fireId(),
                run.task().id(), budget.toSeconds());
    }
}
