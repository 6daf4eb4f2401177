package io.distributedjob.kernel;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Cluster-wide housekeeping that runs on a thread of its own at a fixed delay while the server runs (retention,
 * periodic checks), on the leader only: a run that finds this instance not leading does nothing. A run that fails
 * is logged and the next one goes ahead, so one bad run never ends the work.
 */
public abstract class PeriodicHousekeeping implements SmartLifecycle {

    /** When retention first runs: a minute after start, once the server has settled. */
    protected static final Duration RETENTION_FIRST_DELAY = Duration.ofMinutes(1);
    /** How often retention runs: what it removes ages by days or months, so once a day keeps it current. */
    protected static final Duration RETENTION_PERIOD = Duration.ofDays(1);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final String failure;
    private final Duration firstDelay;
    private final Duration period;
    private final HousekeepingLeader leader;
    private ScheduledExecutorService scheduler;

    /** {@code failure} starts the warning logged when a run fails ("Could not drop expired record tables"). */
    protected PeriodicHousekeeping(String threadName, String failure, Duration firstDelay, Duration period,
                                   HousekeepingLeader leader) {
        this.leader = leader;
        this.threadName = threadName;
        this.failure = failure;
        this.firstDelay = firstDelay;
        this.period = period;
    }

    /** One run of the work. */
    protected abstract void runOnce() throws InterruptedException;

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name(threadName).daemon(true).unstarted(runnable));
        scheduler.scheduleWithFixedDelay(this::runSafely, firstDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            if (leader.leads()) {
                runOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("{}: {}", failure, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
