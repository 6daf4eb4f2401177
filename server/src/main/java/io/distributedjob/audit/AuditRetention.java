package io.distributedjob.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.distributedjob.config.AuditSettings;
import io.distributedjob.kernel.HousekeepingLeader;
import io.distributedjob.kernel.PeriodicHousekeeping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes audit entries older than {@code audit.retentionDays}, a minute after start-up and then daily, on the
 * leader, so the trail cannot grow without bound. Deleting rows that are gone does nothing.
 */
@Component
class AuditRetention extends PeriodicHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditLogRepository repository;
    private final Clock clock;
    private final int retentionDays;

    AuditRetention(AuditLogRepository repository, Clock clock, AuditSettings settings, HousekeepingLeader leader) {
        super("audit-retention", "Could not delete expired audit entries", RETENTION_FIRST_DELAY, RETENTION_PERIOD, leader);
        this.repository = repository;
        this.clock = clock;
        this.retentionDays = settings.retentionDays();
    }

    @Override
    protected void runOnce() {
        deleteExpired();
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
}
