package io.distributedjob.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.MutableClock;
import io.distributedjob.support.TestTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordRetentionTest {

    private final EngineDatabase db = EngineDatabase.h2();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void dropsWholeMonthTablesOlderThanTheRetainedMonths() {
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        for (int month = 1; month <= 12; month++) {
            tables.ensure(YearMonth.of(2026, month));
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-12-15T10:00:00Z"), ZoneOffset.UTC);
        RecordRetention retention = new RecordRetention(tables, clock, TestTasks.settings(5, 100, 3), () -> true);

        assertThat(retention.dropExpired()).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2),
                YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));
        assertThat(tables.months()).first().isEqualTo(YearMonth.of(2026, 7));
        assertThat(tables.months()).hasSize(6);

        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(retention.dropExpired()).containsExactly(YearMonth.of(2026, 7));
        assertThat(retention.dropExpired()).isEmpty();
    }
}
