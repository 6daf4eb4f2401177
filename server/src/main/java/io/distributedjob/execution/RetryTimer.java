package io.distributedjob.execution;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Holds fires between their calls, for their task's {@code retryInterval}, with no worker: the timer thread only
 * hands each fire back to the worker pool when its wait is over.
 */
final class RetryTimer {

    private final ScheduledExecutorService timers;
    private final AtomicInteger waiting = new AtomicInteger();

    RetryTimer(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Holds {@code run} for {@code wait}, then gives it to {@code next} unless it ended meanwhile. */
    void hold(FireRun run, Duration wait, Consumer<FireRun> next) {
        waiting.incrementAndGet();
        run.enterTimer();
        run.retryTimer(timers.schedule(() -> {
            if (run.leaveTimer()) {
                waiting.decrementAndGet();
                if (!run.ended()) {
                    next.accept(run);
                }
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS));
        if (run.ended()) {
            takeOff(run);
        }
    }

    /** Takes an ended run off the timer, if it is on it. */
    void takeOff(FireRun run) {
        if (run.leaveTimer()) {
            waiting.decrementAndGet();
        }
    }

    /** Fires on the timer. */
    int waiting() {
        return waiting.get();
    }
}
