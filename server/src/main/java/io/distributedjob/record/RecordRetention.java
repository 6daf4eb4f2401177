package io.distributedjob.record;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import io.distributedjob.config.JobSettings;
import io.distributedjob.kernel.HousekeepingLeader;
import io.distributedjob.kernel.PeriodicHousekeeping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops whole month tables older than {@code job.recordRetentionMonths} (the current month counting as one),
 * a minute after start-up and then daily, on the leader. Dropping a table that is gone does nothing.
 */
@Component
public class RecordRetention extends PeriodicHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(RecordRetention.class);

    private final RecordTables tables;
    private final Clock clock;
    private final int retentionMonths;

    public RecordRetention(RecordTables tables, Clock clock, JobSettings settings, HousekeepingLeader leader) {
        super("record-retention", "Could not drop expired record tables", RETENTION_FIRST_DELAY, RETENTION_PERIOD, leader);
        this.tables = tables;
        this.clock = clock;
        this.retentionMonths = settings.recordRetentionMonths();
    }

    @Override
    protected void runOnce() {
        dropExpired();
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
}
