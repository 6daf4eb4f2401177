package io.distributedjob.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.config.AuditSettings;
import io.distributedjob.support.Database;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.MutableClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Audit retention on a real database: entries older than {@code audit.retentionDays} go, newer ones stay. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class AuditRetentionTest {

    @Parameter
    Database database;

    @AutoClose
    private EngineDatabase db;

    @BeforeEach
    void open() {
        db = database.open();
    }

    @Test
    void deletesEntriesOlderThanTheRetainedDaysAndKeepsTheRest() {
        AuditLogRepository repository = new AuditLogRepository(db.jdbcClient());
        for (String time : List.of("2026-01-01T00:00:00Z", "2026-06-03T23:59:59.999Z", "2026-06-04T00:00:00Z",
                "2026-11-30T12:00:00Z")) {
            repository.insert(new AuditEntry(1L, "admin", 1L, AuditLog.RUN, AuditLog.TASK, 7L, Outcome.SUCCESS, time,
                    "127.0.0.1"), Instant.parse(time));
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        AuditRetention retention = new AuditRetention(repository, clock, new AuditSettings(180), () -> true);

        assertThat(retention.deleteExpired()).isEqualTo(2);
        assertThat(db.jdbcTemplate().queryForList("SELECT detail FROM audit_log ORDER BY create_time", String.class))
                .containsExactly("2026-06-04T00:00:00Z", "2026-11-30T12:00:00Z");
        assertThat(retention.deleteExpired()).isZero();

        clock.set(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(retention.deleteExpired()).isEqualTo(1);
    }
}
