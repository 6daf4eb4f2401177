package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.distributedjob.config.JobSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drops whole month tables older than {@code job.recordRetentionMonths} (the current month counting as one),
 * at start-up and then daily. Every instance may do it: dropping a table that is gone does nothing.
 */
@Component
public class RecordRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordRetention.class);
    private static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(1);
    private static final Duration PERIOD = Duration.ofDays(1);

    private final RecordTables tables;
    private final Clock clock;
    private final int retentionMonths;
    private ScheduledExecutorService scheduler;

    public RecordRetention(RecordTables tables, Clock clock, JobSettings settings) {
        this.tables = tables;
        this.clock = clock;
        this.retentionMonths = settings.recordRetentionMonths();
    }

    /** Drops the tables of months before the retained ones and returns those months. */
    public List<YearMonth> dropExpired() {
        YearMonth oldestKept = YearMonth.now(clock).minusMonths(retentionMonths - 1L);
        List<YearMonth> expired = tables.months().stream().filter(month -> month.isBefore(oldestKept)).toList();
        for (YearMonth month : expired) {
            tables.drop(month);
            log.info("Dropped the execution records of {} (job.recordRetentionMonths = {})", month, retentionMonths);
        }
        return expired;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("record-retention").daemon(true).unstarted(runnable));
        scheduler.scheduleWithFixedDelay(this::dropSafely, FIRST_RUN_DELAY.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    private void dropSafely() {
        try {
            dropExpired();
        } catch (RuntimeException e) {
            log.warn("Could not drop expired record tables: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
