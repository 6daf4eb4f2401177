package io.distributedjob.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.distributedjob.config.AuditSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes audit entries older than {@code audit.retentionDays}, a minute after start-up and then daily, so the
 * trail cannot grow without bound. Every instance may do it: deleting rows that are gone does nothing.
 */
@Component
class AuditRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(1);
    private static final Duration PERIOD = Duration.ofDays(1);

    private final AuditLogRepository repository;
    private final Clock clock;
    private final int retentionDays;
    private ScheduledExecutorService scheduler;

    AuditRetention(AuditLogRepository repository, Clock clock, AuditSettings settings) {
        this.repository = repository;
        this.clock = clock;
        this.retentionDays = settings.retentionDays();
    }

    /** Deletes the entries written before the retained days and returns how many went. */
    int deleteExpired() {
        Instant oldestKept = clock.instant().minus(Duration.ofDays(retentionDays));
        int deleted = repository.deleteBefore(oldestKept);
        if (deleted > 0) {
            log.info("Deleted {} audit entries older than {} days (audit.retentionDays)", deleted, retentionDays);
        }
        return deleted;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("audit-retention").daemon(true).unstarted(runnable));
        scheduler.scheduleWithFixedDelay(this::deleteSafely, FIRST_RUN_DELAY.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    private void deleteSafely() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("Could not delete expired audit entries: {}", e.toString());
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
