package io.distributedjob.execution;

import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.distributedjob.kernel.TriggerType;
import io.distributedjob.task.Task;

/**
 * One fire on its way through the executor: waiting for a worker, calling on one, or waiting on the timer for
 * its next call, until it ends. Several threads touch it (its worker, the timer, shutdown): each hand-over is a
 * compare-and-set, so that it ends exactly once and gives its worker back exactly once.
 */
final class FireRun {

    final Fire fire;
    final Runnable afterRecorded;
    final RetryWithFallback delivery;
    final TaskExecutor executor;
    /** Asked when the fire first takes a worker; when it says no, {@link #notStarted} runs instead of the fire. */
    final BooleanSupplier mayStart;
    final Runnable notStarted;

    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean holdsWorker = new AtomicBoolean();
    private final AtomicBoolean onTimer = new AtomicBoolean();
    /** Written under the worker pool's lock; read without it only to skip the lock when false. */
    volatile boolean queued;
    private volatile TriggerType trigger;
    private volatile Instant started;
    private volatile Thread worker;
    private volatile Future<?> retryTimer;
    private volatile Future<?> deadlineTimer;
    private volatile FireTrace trace;

    FireRun(Fire fire, Runnable afterRecorded, TaskExecutor executor, BooleanSupplier mayStart, Runnable notStarted) {
        this.fire = fire;
        this.afterRecorded = afterRecorded;
        this.executor = executor;
        this.mayStart = mayStart;
        this.notStarted = notStarted;
        this.delivery = new RetryWithFallback(fire.task(), executor != null && executor.hasFallback(fire.task()));
        this.trigger = fire.trigger();
    }

    Task task() {
        return fire.task();
    }

    /** Marks the run ended; true for the one caller that did it. */
    boolean end() {
        return ended.compareAndSet(false, true);
    }

    boolean ended() {
        return ended.get();
    }

    void takeWorker() {
        holdsWorker.set(true);
    }

    /** True for the one caller that gives the worker back. */
    boolean giveWorkerBack() {
        return holdsWorker.compareAndSet(true, false);
    }

    /** Called before the retry timer is set, so that the timer always finds the run on it. */
    void enterTimer() {
        onTimer.set(true);
    }

    void retryTimer(Future<?> timer) {
        retryTimer = timer;
    }

    /** True for the one caller that takes the run off the timer (the timer itself, or the end of the run). */
    boolean leaveTimer() {
        boolean left = onTimer.compareAndSet(true, false);
        Future<?> timer = retryTimer;
        if (left && timer != null) {
            timer.cancel(false);
        }
        return left;
    }

    TriggerType trigger() {
        return trigger;
    }

    void trigger(TriggerType value) {
        trigger = value;
    }

    Instant started() {
        return started;
    }

    void started(Instant at) {
        started = at;
    }

    Thread worker() {
        return worker;
    }

    void worker(Thread thread) {
        worker = thread;
    }

    FireTrace trace() {
        return trace;
    }

    void trace(FireTrace value) {
        trace = value;
    }

    /** Ends the fire's span, if it began, and gives what the fire leaves for its record. */
    FireTrail endTrace(ExecutionOutcome outcome) {
        FireTrace current = trace;
        if (current == null) {
            return FireTrail.NONE;
        }
        current.end(outcome);
        return current.trail();
    }

    void deadlineTimer(Future<?> timer) {
        deadlineTimer = timer;
    }

    void cancelDeadline() {
        Future<?> timer = deadlineTimer;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
