package io.distributedjob.record;

import io.distributedjob.kernel.TriggerType;
import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.distributedjob.support.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.config.JobSettings;
import io.distributedjob.storage.SqlDialect.Index;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.EngineDatabase;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How execution records reach the database, on a real database (a fresh one per test). */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class RecordWritingTest {

    static final Instant SCHEDULED = Instant.parse("2091-05-10T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(SCHEDULED, ZoneOffset.UTC);
    static final String TABLE = RecordTables.tableName(YearMonth.of(2091, 5));

    @Parameter
    Database database;

    @AutoClose
    private EngineDatabase db;

    @BeforeEach
    void open() {
        db = database.open();
    }

    RecordWriter writer(int responseMaxBytes) {
        return writer(responseMaxBytes, CLOCK);
    }

    RecordWriter writer(int responseMaxBytes, Clock clock) {
        return writer(db, responseMaxBytes, clock);
    }

    static RecordWriter writer(EngineDatabase db, int responseMaxBytes, Clock clock) {
        return writer(db, responseMaxBytes, clock, 20);
    }

    static RecordWriter writer(EngineDatabase db, int responseMaxBytes, Clock clock, int shutdownWaitSeconds) {
        JobSettings settings = new JobSettings(5, 100, 3, 2, 6, 1000, 2000, 500, 10, 60, 500, 50, responseMaxBytes, 0,
                shutdownWaitSeconds);
        return new RecordWriter(new RecordTables(db.jdbcTemplate(), db.dialect(), clock), db.jdbcTemplate(),
                db.transactions(), clock, settings, new MicrometerSchedulerMetrics(new SimpleMeterRegistry()));
    }

    @Test
    void aResponseOfOneMebibyteIsStoredWholeAndALongerOneCutOnACharacterBoundary() {
        RecordWriter writer = writer(JobSettings.MAX_RESPONSE_BYTES);
        // 3-byte characters, so that the cut falls inside one unless it respects their boundaries
        String whole = "界".repeat(JobSettings.MAX_RESPONSE_BYTES / 3) + "a";
        String longer = whole + "界界";
        writer.write(record(1, SCHEDULED, "task", whole));
        writer.write(record(2, SCHEDULED, "task", longer));
        writer.flush();
        assertThat(response(1)).isEqualTo(whole);
        assertThat(response(1).getBytes(StandardCharsets.UTF_8)).hasSize(JobSettings.MAX_RESPONSE_BYTES);
        assertThat(response(2)).isEqualTo(whole);
    }

    @Test
    void aRecordTheDatabaseRefusesIsStoredCutDownAndTheOthersWhole() {
        RecordWriter writer = writer(4096);
        for (int task = 1; task <= 5; task++) {
            // a name longer than the column holds: the database refuses the record as it is
            String name = task == 3 ? "n".repeat(RecordColumns.NAME_LENGTH + 45) : "task-" + task;
            writer.write(record(task, SCHEDULED, name, "ok " + task));
        }
        assertThat(writer.flush(CLOCK.instant().plusSeconds(30))).isTrue();
        JdbcClient jdbc = db.jdbcClient();
        assertThat(jdbc.sql("SELECT task_id FROM " + TABLE + " WHERE error IS NULL ORDER BY task_id")
                .query(Long.class).list()).containsExactly(1L, 2L, 4L, 5L);
        assertThat(jdbc.sql("SELECT task_name FROM " + TABLE + " WHERE task_id = 3").query(String.class).single())
                .hasSize(RecordColumns.NAME_LENGTH);
        assertThat(jdbc.sql("SELECT error FROM " + TABLE + " WHERE task_id = 3").query(String.class).single())
                .contains("stored cut down: the database refused the full record");
        assertThat(response(3)).isEqualTo("ok 3");
    }

    @Test
    void theSameFireWrittenTwiceIsRecordedOnce() {
        RecordWriter writer = writer(4096);
        AtomicInteger committed = new AtomicInteger();
        writer.write(record(9, SCHEDULED, "task", "first"), committed::incrementAndGet);
        writer.write(record(9, SCHEDULED, "task", "again in the same batch"), committed::incrementAndGet);
        writer.flush();
        writer.write(record(9, SCHEDULED, "task", "again later"), committed::incrementAndGet);
        writer.flush();
        assertThat(db.jdbcClient().sql("SELECT response FROM " + TABLE + " WHERE task_id = 9")
                .query(String.class).list()).containsExactly("first");
        assertThat(committed).hasValue(3);
    }

    @Test
    void aBatchAcrossTheTurnOfAMonthGoesIntoTheTableOfEachRecordsMonth() {
        RecordWriter writer = writer(4096);
        Instant lastOfMay = Instant.parse("2091-05-31T23:59:59.999Z");
        Instant firstOfJune = Instant.parse("2091-06-01T00:00:00Z");
        writer.write(record(1, SCHEDULED, "task", "may"));
        writer.write(record(2, firstOfJune, "task", "june"));
        writer.write(record(3, lastOfMay, "task", "may again"));
        writer.flush();
        JdbcClient jdbc = db.jdbcClient();
        assertThat(jdbc.sql("SELECT task_id FROM " + TABLE + " ORDER BY task_id").query(Long.class).list())
                .containsExactly(1L, 3L);
        assertThat(jdbc.sql("SELECT task_id FROM " + RecordTables.tableName(YearMonth.of(2091, 6)))
                .query(Long.class).list()).containsExactly(2L);
    }

    @Test
    void aMonthTableOfAnEarlierVersionIsUpgradedBeforeItsFirstWrite() {
        JdbcClient jdbc = db.jdbcClient();
        List<String> columns = List.of(db.dialect().autoIncrementPrimaryKey("id"), "task_id BIGINT NOT NULL",
                "task_name VARCHAR(255) NOT NULL", "task_type VARCHAR(8) NOT NULL", "department_id BIGINT NOT NULL",
                "fire_id VARCHAR(64) NOT NULL", "scheduled_time DATETIME(3) NOT NULL", "start_time DATETIME(3) NULL",
                "end_time DATETIME(3) NULL", "cost_time INT NOT NULL DEFAULT 0", "success TINYINT NOT NULL DEFAULT 0",
                "status TINYINT NOT NULL DEFAULT 0", "status_code INT NULL", "response TEXT NULL", "error TEXT NULL",
                "retry_times INT NOT NULL DEFAULT 0", "used_fallback TINYINT NOT NULL DEFAULT 0",
                "trigger_type VARCHAR(16) NOT NULL", "executor VARCHAR(100) NULL",
                "create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)");
        for (String statement : db.dialect().createTableIfAbsent(TABLE, columns,
                List.of(new Index("idx_task_time", "task_id, scheduled_time"))).split(";\n")) {
            db.jdbcTemplate().execute(statement);
        }
        for (int copy = 0; copy < 3; copy++) {
            jdbc.sql("INSERT INTO " + TABLE + " (task_id, task_name, task_type, department_id, fire_id, scheduled_time,"
                    + " trigger_type) VALUES (5, 'old', 'HTTP', 1, '5:x', ?, 'CRON')")
                    .param(SqlTime.toDb(SCHEDULED)).update();
        }
        RecordWriter writer = writer(JobSettings.MAX_RESPONSE_BYTES);
        String large = "x".repeat(JobSettings.MAX_RESPONSE_BYTES);
        writer.write(record(5, SCHEDULED, "task", "a repeat of the recorded fire"));
        writer.write(traced(record(6, SCHEDULED, "task", large), List.of(FAILED_CALL)));
        writer.flush();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM " + TABLE + " WHERE task_id = 5").query(Long.class).single()).isOne();
        assertThat(response(6)).isEqualTo(large);
        assertThat(stored(6).attempts()).containsExactly(FAILED_CALL);
    }

    @Test
    void theTraceIdAndEveryAttemptAreStoredAndReadBack() {
        List<ExecutionAttempt> attempts = List.of(FAILED_CALL,
                new ExecutionAttempt(2, false, "http://primary.test/run", null, 5000, "timed out after 5 s"),
                new ExecutionAttempt(3, true, "http://fallback.test/run", 200, 12, null));
        RecordWriter writer = writer(4096);
        writer.write(traced(record(7, SCHEDULED, "task", "ok"), attempts));
        writer.write(record(8, SCHEDULED, "task", "untraced"));
        writer.flush();

        ExecutionRecord traced = stored(7);
        assertThat(traced.traceId()).isEqualTo(TRACE_ID);
        assertThat(traced.attempts()).containsExactlyElementsOf(attempts);
        assertThat(stored(8).traceId()).isNull();
        assertThat(stored(8).attempts()).isEmpty();
    }

    @Test
    void anAttemptKeepsTheStartOfALongError() {
        ExecutionAttempt attempt = new ExecutionAttempt(1, false, "http://t.test", 500, 1, "e".repeat(2000));
        assertThat(attempt.error()).hasSize(ExecutionAttempt.ERROR_KEPT);
    }

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final ExecutionAttempt FAILED_CALL = new ExecutionAttempt(1, false, "http://primary.test/run", 503, 7, "HTTP 503");

    private ExecutionRecord stored(long taskId) {
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), CLOCK);
        long id = db.jdbcClient().sql("SELECT id FROM " + TABLE + " WHERE task_id = ?").param(taskId)
                .query(Long.class).single();
        return new RecordRepository(db.jdbcClient(), tables).find(YearMonth.of(2091, 5), id).orElseThrow().record();
    }

    private static ExecutionRecord traced(ExecutionRecord r, List<ExecutionAttempt> attempts) {
        return new ExecutionRecord(r.taskId(), r.taskName(), r.taskType(), r.departmentId(), r.fireId(),
                r.scheduledTime(), r.startTime(), r.endTime(), r.costTime(), r.success(), r.status(), r.statusCode(),
                r.response(), r.error(), r.retryTimes(), r.usedFallback(), r.triggerType(), r.executor(), TRACE_ID,
                attempts);
    }

    private String response(long taskId) {
        return db.jdbcClient().sql("SELECT response FROM " + TABLE + " WHERE task_id = ?").param(taskId)
                .query(String.class).single();
    }

    static ExecutionRecord record(long taskId, Instant scheduled, String name, String response) {
        return new ExecutionRecord(taskId, name, "HTTP", 1, ExecutionRecord.fireId(taskId, scheduled), scheduled,
                scheduled, scheduled.plusMillis(5), 5, true, ExecutionRecord.SUCCEEDED, 200, response, null, 0, false,
                TriggerType.CRON, "test", null, List.of());
    }
}
