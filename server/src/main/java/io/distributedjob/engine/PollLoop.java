package io.distributedjob.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.distributedjob.metrics.SchedulerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one loop thread. Every poll interval it runs the whole round, each duty on its own, then claims;
 * a wake-up between rounds (a task changed here) only claims: the change itself is already applied, and a burst
 * of edits must not turn into a burst of full rounds. A claim that stopped with due rows left goes on at once, the
 * round's duties first when their interval has passed. Claims and watermark publication run on this thread only,
 * so a published watermark always accounts for every claim made before it. No failure ends the thread.
 */
final class PollLoop {

    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
    private static final Duration JOIN_WAIT = Duration.ofSeconds(10);

    private final Clock clock;
    private final Duration interval;
    private final List<RoundDuty> round;
    private final RoundDuty claiming;
    private final SchedulerMetrics metrics;
    private final Consumer<Throwable> dutyFailed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    /** Set under the lock; read without it only to skip a wake-up already due, as fires starting ask often. */
    private volatile boolean wakeRequested;
    private volatile boolean roundRequested;
    private volatile boolean running;
    private Thread thread;

    /** {@code dutyFailed} hears of each failed duty, on the loop thread, after it was logged. */
    PollLoop(Clock clock, Duration interval, List<RoundDuty> round, RoundDuty claiming, SchedulerMetrics metrics,
             Consumer<Throwable> dutyFailed) {
        this.metrics = metrics;
        this.dutyFailed = dutyFailed;
        this.clock = clock;
        this.interval = interval;
        this.round = round;
        this.claiming = claiming;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("scheduling-engine").daemon(true).start(this::run);
    }

    /** Ends the loop after its current duty and waits (bounded) for the thread to end. */
    void stop() {
        running = false;
        wakeUp();
        Thread current = thread;
        if (current != null) {
            try {
                current.join(JOIN_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the loop to claim now rather than at the end of its interval. */
    void wakeUp() {
        if (wakeRequested) {
            return;
        }
        lock.lock();
        try {
            wakeRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the loop for a whole round now rather than at the end of its interval: a takeover waits for no poll. */
    void roundNow() {
        roundRequested = true;
        wakeUp();
    }

    private void run() {
        Instant nextRound = clock.instant();
        while (running) {
            Instant now = clock.instant();
            long started = System.nanoTime();
            boolean fullRound = roundRequested || !now.isBefore(nextRound);
            if (fullRound) {
                roundRequested = false;
                nextRound = now.plus(interval);
                for (RoundDuty duty : round) {
                    runOnItsOwn(duty, now);
                }
            }
            runOnItsOwn(claiming, clock.instant());
            if (fullRound) {
                metrics.pollRound(Duration.ofNanos(System.nanoTime() - started));
            }
            if (!claiming.leftWork()) {
                awaitNextPoll(nextRound);
            }
        }
    }

    private void runOnItsOwn(RoundDuty duty, Instant now) {
        if (!running) {
            return;
        }
        try {
            duty.run(now);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal;
            }
            log.warn("Poll duty '{}' failed, the others go on and it runs again next round: {}", duty.name(), e.toString());
            dutyFailed.accept(e);
        }
    }

    private void awaitNextPoll(Instant nextRound) {
        lock.lock();
        try {
            long waitMillis = Duration.between(clock.instant(), nextRound).toMillis();
            if (!wakeRequested && running && waitMillis > 0) {
                wake.await(Math.min(waitMillis, interval.toMillis()), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
