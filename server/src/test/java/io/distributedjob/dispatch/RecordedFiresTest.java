package io.distributedjob.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordTables;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.support.Database;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TestTasks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The executors' "already recorded?" check on a real database: records written by the record writer are found in
 * the month table of their scheduled instant (a local month: the zone is far from UTC).
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class RecordedFiresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long TASK = 7;
    /** Already February 1st in Shanghai: its record is in the February table. */
    private static final Instant MONTH_EDGE = Instant.parse("2026-01-31T20:00:00Z");

    @AutoClose
    private EngineDatabase db;
    private RecordWriter writer;
    private RecordedFires recorded;

    @Parameter
    Database database;

    @BeforeEach
    void open() {
        db = database.open();
        Clock clock = Clock.fixed(Instant.parse("2026-02-10T00:00:00Z"), ZONE);
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), clock);
        writer = new RecordWriter(tables, db.jdbcTemplate(), db.transactions(), clock, TestTasks.settings(1, 10, 1),
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()));
        recorded = new DatabaseRecordedFires(tables, db.jdbcTemplate(), clock);
    }

    @Test
    void aWrittenFireIsRecordedAndItsNeighboursAreNot() {
        assertThat(recorded.recorded(fire(TASK, MONTH_EDGE))).as("no table for the month yet").isFalse();

        writer.write(record(TASK, MONTH_EDGE));
        writer.flush();

        assertThat(recorded.recorded(fire(TASK, MONTH_EDGE))).isTrue();
        assertThat(recorded.recorded(fire(TASK, MONTH_EDGE.plusSeconds(1)))).isFalse();
        assertThat(recorded.recorded(fire(TASK + 1, MONTH_EDGE))).isFalse();
        assertThat(recorded.recorded(fire(TASK, MONTH_EDGE.minusSeconds(3600 * 24 * 31)))).isFalse();
    }

    private static DispatchedFire fire(long task, Instant at) {
        return new DispatchedFire(task, at, TriggerType.CRON.name());
    }

    private static ExecutionRecord record(long task, Instant at) {
        return new ExecutionRecord(task, "task-" + task, "HTTP", 3, ExecutionRecord.fireId(task, at), at, at,
                at.plusMillis(5), 5, true, ExecutionRecord.SUCCEEDED, 200, "ok", null, 0, false, TriggerType.CRON,
                "test", null, List.of());
    }
}
