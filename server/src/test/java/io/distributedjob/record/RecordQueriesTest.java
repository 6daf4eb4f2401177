package io.distributedjob.record;

import io.distributedjob.kernel.TriggerType;
import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.distributedjob.support.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TestTasks;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * History slices and totals over time windows that span several month tables, on a real database (a fresh one
 * per test). The server's zone is far from UTC, so month tables follow local months, not UTC ones.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class RecordQueriesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final long TASK = 7;
    static final long OTHER_TASK = 8;
    static final long DEPARTMENT = 3;
    static final long OTHER_DEPARTMENT = 4;
    static final RecordFilter TASK_RECORDS = new RecordFilter(Set.of(DEPARTMENT), TASK, null, null);

    @Parameter
    Database database;

    @AutoClose
    private EngineDatabase db;
    /** The record service over a database holding the records of {@link #withRecords}. */
    private RecordService service;

    @BeforeEach
    void open() {
        db = database.open();
        service = withRecords(db);
    }

    /** Writes the records the tests query, spread over three months, and returns a service reading them. */
    static RecordService withRecords(EngineDatabase db) {
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZONE);
        RecordWriter writer = new RecordWriter(tables, db.jdbcTemplate(), db.transactions(), clock,
                TestTasks.settings(1, 10, 1), new MicrometerSchedulerMetrics(new SimpleMeterRegistry()));
        // 2026-01-31T20:00Z is already February 1st in Shanghai: it belongs to the February table
        writer.write(record(TASK, DEPARTMENT, "2026-01-10T00:00:00Z", true, 100, 0, false));
        writer.write(record(TASK, DEPARTMENT, "2026-01-20T00:00:00Z", false, 300, 2, true));
        writer.write(record(TASK, DEPARTMENT, "2026-01-31T20:00:00Z", true, 50, 0, false));
        writer.write(record(TASK, DEPARTMENT, "2026-02-15T00:00:00Z", true, 150, 1, false));
        writer.write(record(TASK, DEPARTMENT, "2026-03-05T00:00:00Z", true, 200, 0, false));
        writer.write(record(OTHER_TASK, DEPARTMENT, "2026-02-16T00:00:00Z", false, 1000, 0, false));
        writer.write(record(OTHER_TASK, OTHER_DEPARTMENT, "2026-02-17T00:00:00Z", true, 10, 0, false));
        writer.flush();
        return RecordFixtures.service(db, tables, clock);
    }

    @Test
    void historyIsLatestScheduledFirstAcrossMonthTables() {
        RecordSlice all = service.history(TASK_RECORDS, null, null, 10, 0);

        assertThat(all.total()).isEqualTo(5);
        assertThat(all.records()).extracting(r -> r.scheduledTime().toInstant().toString()).containsExactly(
                "2026-03-05T00:00:00Z", "2026-02-15T00:00:00Z", "2026-01-31T20:00:00Z", "2026-01-20T00:00:00Z",
                "2026-01-10T00:00:00Z");
        assertThat(all.records()).allSatisfy(r -> assertThat(r.record().taskId()).isEqualTo(TASK));
    }

    @Test
    void anOffsetAndALimitCarryOverFromOneMonthTableToTheNext() {
        RecordSlice slice = service.history(TASK_RECORDS, null, null, 3, 1);

        assertThat(slice.total()).isEqualTo(5);
        assertThat(slice.records()).extracting(r -> r.scheduledTime().toInstant().toString())
                .containsExactly("2026-02-15T00:00:00Z", "2026-01-31T20:00:00Z", "2026-01-20T00:00:00Z");
        assertThat(service.history(TASK_RECORDS, null, null, 10, 4).records()).hasSize(1);
        assertThat(service.history(TASK_RECORDS, null, null, 10, 5).records()).isEmpty();
    }

    @Test
    void aWindowKeepsToScheduledTimesWithinIt() {
        Instant from = Instant.parse("2026-01-20T00:00:00Z");
        Instant to = Instant.parse("2026-03-05T00:00:00Z");

        RecordSlice window = service.history(TASK_RECORDS, from, to, 10, 0);

        assertThat(window.total()).as("from inclusive, to exclusive").isEqualTo(3);
        assertThat(window.records()).extracting(r -> r.scheduledTime().toInstant().toString())
                .containsExactly("2026-02-15T00:00:00Z", "2026-01-31T20:00:00Z", "2026-01-20T00:00:00Z");
        assertThat(service.history(TASK_RECORDS, Instant.parse("2026-03-06T00:00:00Z"), null, 10, 0).total()).isZero();
        assertThat(service.history(TASK_RECORDS, null, Instant.parse("2026-01-10T00:00:00Z"), 10, 0).total()).isZero();
    }

    @Test
    void totalsAddUpEveryMonthTableWithinTheWindow() {
        RecordTotals task = service.totals(TASK_RECORDS, null, null);

        assertThat(task.total()).isEqualTo(5);
        assertThat(task.success()).isEqualTo(4);
        assertThat(task.fail()).isEqualTo(1);
        assertThat(task.successRate()).isEqualTo(80.0);
        assertThat(task.avgCostTime()).isEqualTo(160.0);
        assertThat(task.maxCostTime()).isEqualTo(300);
        assertThat(task.retryTimes()).isEqualTo(3);
        assertThat(task.fallbacks()).isEqualTo(1);

        RecordTotals department = service.totals(new RecordFilter(Set.of(DEPARTMENT), null, null, null),
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(department.total()).isEqualTo(2);
        assertThat(department.successRate()).isEqualTo(50.0);
        assertThat(department.avgCostTime()).isEqualTo(575.0);

        RecordTotals none = service.totals(new RecordFilter(Set.of(99L), null, null, null), null, null);
        assertThat(none.total()).isZero();
        assertThat(none.successRate()).isZero();
        assertThat(none.avgCostTime()).isZero();
        assertThat(service.totals(new RecordFilter(Set.of(), null, null, null), null, null).total()).isZero();
    }

    private static ExecutionRecord record(long taskId, long departmentId, String scheduled, boolean success,
                                          long costMillis, int retries, boolean fallback) {
        Instant at = Instant.parse(scheduled);
        return new ExecutionRecord(taskId, "task-" + taskId, "HTTP", departmentId, ExecutionRecord.fireId(taskId, at),
                at, at, at.plusMillis(costMillis), costMillis, success,
                success ? ExecutionRecord.SUCCEEDED : ExecutionRecord.FAILED, success ? 200 : 500, "r", null, retries,
                fallback, TriggerType.CRON, "test", null, List.of());
    }
}
