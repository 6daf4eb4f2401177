package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.config.JobSettings;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordTables;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.Database;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.CrashPolicy;
import io.distributedjob.task.TaskStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whole engines running in real time against a local HTTP target, on a real database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class EngineRunTest {

    static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    static final String PATH = "/tick";
    /** Its first call stalls until the test lets it go; later calls answer at once. */
    static final String STALLING = "/stalls-once";

    @Parameter
    Database database;

    @AutoClose
    private EngineDatabase db;
    @AutoClose
    private final TargetServer target = new TargetServer();

    @BeforeEach
    void open() {
        db = database.open();
    }

    @Test
    void aTaskEverySecondFiresEachSecondOnTimeUntilDisabled() throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long id = insert(jdbc, start);
        try (RunningEngine running = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 1000, 5))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> target.calls(PATH).size() >= 5);
            disable(jdbc, id);
            running.engine.taskChanged(EngineFixture.task(jdbc, id));
            int afterDisable = target.calls(PATH).size();
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                    .until(() -> target.calls(PATH).size() <= afterDisable + 1);
            running.records.flush();

            List<TargetServer.Call> calls = target.calls(PATH);
            for (int i = 0; i < calls.size(); i++) {
                Instant scheduled = start.plusSeconds(i);
                TargetServer.Call call = calls.get(i);
                assertThat(call.header("X-DJ-Fire-Id")).isEqualTo(ExecutionRecord.fireId(id, scheduled));
                assertThat(Duration.between(scheduled, call.arrived())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            }
            assertThat(recordedFireIds(jdbc, start)).containsExactlyInAnyOrderElementsOf(
                    calls.stream().map(call -> call.header("X-DJ-Fire-Id")).toList());
        }
    }

    @Test
    void unstartedFiresHandedBackOnShutdownRunOnAnotherInstance() throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long id = insert(jdbc, start);
        RunningEngine first = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 3000, 5));
        await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() >= 2);
        first.drain(CLOCK.instant().plusSeconds(5));
        first.close();
        int byFirst = target.calls(PATH).size();
        try (RunningEngine second = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 3000, 5))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() >= byFirst + 3);
            disable(jdbc, id);
            second.engine.taskChanged(EngineFixture.task(jdbc, id));
            second.records.flush();
        }
        // in the order of their instants: the first call of a cold client may arrive after the next fire's
        List<String> fireIds = target.calls(PATH).stream().map(call -> call.header("X-DJ-Fire-Id"))
                .sorted(Comparator.comparing(fireId -> Instant.parse(fireId.substring(fireId.indexOf(':') + 1))))
                .toList();
        assertThat(new HashSet<>(fireIds)).hasSameSizeAs(fireIds);
        for (int i = 0; i < fireIds.size(); i++) {
            assertThat(fireIds.get(i)).isEqualTo(ExecutionRecord.fireId(id, start.plusSeconds(i)));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engine_instance").query(Long.class).single()).isZero();
    }

    @Test
    void anEngineStoppedAndStartedAgainKeepsFiring() throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long id = insert(jdbc, start);
        try (RunningEngine running = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 1000, 5))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() >= 2);
            running.engine.stop();
            int whileStopped = target.calls(PATH).size();
            running.engine.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() >= whileStopped + 2);
            assertThat(running.engine.runNow(EngineFixture.task(jdbc, id), io.distributedjob.kernel.TriggerType.MANUAL)
                    .fireId()).startsWith(id + ":");
            disable(jdbc, id);
            running.engine.taskChanged(EngineFixture.task(jdbc, id));
        }
        List<String> scheduled = target.calls(PATH).stream().map(call -> call.header("X-DJ-Fire-Id"))
                .filter(fireId -> fireId.startsWith(id + ":")).toList();
        assertThat(new HashSet<>(scheduled)).hasSameSizeAs(scheduled);
    }

    @Test
    void aTaskDeletedOnAnotherInstanceStopsFiringAtTheNextPollRound() throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long id = insert(jdbc, start);
        // fires are claimed 10 s ahead: without the deletion being seen, they would go on for 10 s
        try (RunningEngine running = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 10_000, 5))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() >= 2);
            deleteElsewhere(jdbc, id);
            int atDeletion = target.calls(PATH).size();
            await().during(Duration.ofMillis(3000)).atMost(Duration.ofSeconds(5))
                    .until(() -> target.calls(PATH).size() <= atDeletion + 1);
        }
    }

    /**
     * A once-only task scheduled elsewhere (as the API does: definition, cursor and update time in one edit) two
     * seconds ahead: it is claimed at once, its claim disables it, and the next rounds still read the edit, which
     * is within their margin. The fire must run all the same, once.
     */
    @Test
    void aOnceOnlyTaskScheduledJustBeforeItsClaimFiresOnce() throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        try (RunningEngine running = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 3000, 5))) {
            Instant at = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
            long id = EngineFixture.insertTask(jdbc, "* * * * * *", TaskStatus.DISABLED, null, at.minusSeconds(10),
                    "FIRE_ONCE");
            jdbc.sql("UPDATE task SET url = ?, status = ?, next_execute_time = ?, update_time = ?,"
                            + " version = version + 1 WHERE id = ?")
                    .params(target.url(PATH), TaskStatus.TEMPORARY.code(), SqlTime.toDb(at), SqlTime.toDb(CLOCK.instant()), id)
                    .update();
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> target.calls(PATH).size() == 1);
            assertThat(target.calls(PATH).getFirst().header("X-DJ-Fire-Id")).isEqualTo(ExecutionRecord.fireId(id, at));
        }
    }

    @Test
    void aTaskBelowADisabledDepartmentRecordsEachFireAsSkippedAndFiresAgainOnceEnabled() throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long disabledParent = OrgRows.department(jdbc, 0);
        long department = OrgRows.department(jdbc, 1, disabledParent);
        long id = insert(jdbc, start);
        jdbc.sql("UPDATE task SET department_id = ? WHERE id = ?").params(department, id).update();
        String table = RecordTables.tableName(YearMonth.from(start.atZone(ZoneOffset.UTC)));
        try (RunningEngine running = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 1000, 5))) {
            // the month table appears with the first record
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
                running.records.flush();
                return skippedForDepartment(jdbc, table, department) >= 3;
            });
            assertThat(target.calls(PATH)).isEmpty();
            jdbc.sql("UPDATE department SET status = 1 WHERE id = ?").param(disabledParent).update();
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() >= 2);
            disable(jdbc, id);
            running.engine.taskChanged(EngineFixture.task(jdbc, id));
            running.records.flush();
        }
        long recorded = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE task_id = ?").param(id).query(Long.class).single();
        assertThat(recorded).isEqualTo(skippedForDepartment(jdbc, table, department) + target.calls(PATH).size());
    }

    /**
     * A herd on one whole second, three times {@code job.queueSize}, on the embedded defaults but a queue small
     * enough for this machine's share of CPU: every fire starts within its second. The room for held fires refills
     * as fires start, so a herd larger than the queue is claimed in waves within its second rather than one queue
     * per poll interval. The herd's first second, in a JVM that loads and compiles the whole path then, warms up.
     */
    @Test
    void aHerdLargerThanTheQueueOnOneSecondStartsWithinItsSecond() throws Exception {
        JobSettings defaults = new JobSettings(5, 20, 3, 2, 6, 1000, 2000, 500, 10, 60, 500, 200, 4096, 0, 20);
        int tasks = 3 * defaults.queueSize();
        int seconds = 4;
        JdbcClient jdbc = db.jdbcClient();
        Instant warmUp = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        for (int i = 0; i < tasks; i++) {
            insert(jdbc, warmUp);
        }
        Instant first = warmUp.plusSeconds(1);
        Instant last = first.plusSeconds(seconds - 1);
        String table = RecordTables.tableName(YearMonth.from(first.atZone(ZoneOffset.UTC)));
        List<Duration> lateness;
        try (RunningEngine running = new RunningEngine(db, CLOCK, defaults)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                running.records.flush();
                return startLateness(jdbc, table, first, last).size() >= tasks * seconds;
            });
            lateness = startLateness(jdbc, table, first, last);
        }
        assertThat(lateness).hasSize(tasks * seconds);
        List<Duration> sorted = lateness.stream().sorted().toList();
        assertThat(sorted.getFirst()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(sorted.get(sorted.size() * 99 / 100 - 1)).isLessThan(Duration.ofSeconds(1));
    }

    /** Start time minus scheduled instant of each fire run with success between {@code first} and {@code last}. */
    private static List<Duration> startLateness(JdbcClient jdbc, String table, Instant first, Instant last) {
        return jdbc.sql("SELECT scheduled_time, start_time FROM " + table
                        + " WHERE success = 1 AND scheduled_time >= ? AND scheduled_time <= ?")
                .params(SqlTime.toDb(first), SqlTime.toDb(last))
                .query((rs, n) -> Duration.between(
                        SqlTime.fromDb(rs.getObject("scheduled_time", LocalDateTime.class)),
                        SqlTime.fromDb(rs.getObject("start_time", LocalDateTime.class))))
                .list();
    }

    private static long skippedForDepartment(JdbcClient jdbc, String table, long department) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE success = 0 AND error = ?")
                .param("skipped: department " + department + " or one above it is disabled").query(Long.class).single();
    }

    @Test
    void aCallUnderWayOnACrashedInstanceRunsAgainWithTheSameFireIdUnderRerun() throws Exception {
        CrashedCall crashed = crashDuringTheCall(CrashPolicy.RERUN);
        try (RunningEngine survivor = crashed.survivor()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> target.calls(STALLING).size() == 2);
            survivor.records.flush();
            assertThat(target.calls(STALLING)).extracting(call -> call.header("X-DJ-Fire-Id"))
                    .containsExactly(crashed.fireId(), crashed.fireId());
            await().atMost(Duration.ofSeconds(10)).until(() -> recordOf(crashed).status() == ExecutionRecord.SUCCEEDED);
            assertThat(recordOf(crashed).executor()).isEqualTo(survivor.instanceId.value());
        } finally {
            crashed.end();
        }
        assertThat(recordCount(crashed)).isEqualTo(1);
    }

    @Test
    void aCallUnderWayOnACrashedInstanceIsRecordedUnknownAndNotRepeatedUnderRecordUnknown() throws Exception {
        CrashedCall crashed = crashDuringTheCall(CrashPolicy.RECORD_UNKNOWN);
        try (RunningEngine survivor = crashed.survivor()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> recordOf(crashed).status() == ExecutionRecord.FAILED);
            assertThat(recordOf(crashed).error()).startsWith("outcome unknown: instance " + crashed.instance());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> target.calls(STALLING).size() == 1);
        } finally {
            crashed.end();
        }
        assertThat(recordCount(crashed)).isEqualTo(1);
        assertThat(recordOf(crashed).error()).as("the late end of the first call changes nothing")
                .startsWith("outcome unknown");
    }

    /**
     * One fire of a once-only task whose first call stalls on instance A; A then stops dead (no more heartbeats,
     * nothing flushed, nothing handed back) while the call is under way. The survivor starts afterwards.
     */
    private CrashedCall crashDuringTheCall(CrashPolicy policy) throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        target.answer(STALLING, exchange -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        Instant first = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long id = EngineFixture.insertTask(jdbc, "* * * * * *", TaskStatus.TEMPORARY, first, first.minusSeconds(1), "FIRE_ONCE");
        jdbc.sql("UPDATE task SET url = ?, crash_policy = ?, timeout = 60 WHERE id = ?")
                .params(target.url(STALLING), policy.name(), id).update();
        RunningEngine crashing = new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 1000, 2));
        CrashedCall crashed = new CrashedCall(id, first, ExecutionRecord.fireId(id, first),
                crashing.instanceId.value(), crashing, release, db);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> target.calls(STALLING).size() == 1);
            // the running record is held back a moment, and the month's table may not be there before it
            await().atMost(Duration.ofSeconds(10)).ignoreException(BadSqlGrammarException.class)
                    .until(() -> recordOf(crashed).status() == ExecutionRecord.RUNNING);
        } catch (RuntimeException | Error e) {
            crashed.end();
            throw e;
        }
        crashing.engine.stopAccepting();
        return crashed;
    }

    private ExecutionRecordRow recordOf(CrashedCall crashed) {
        return db.jdbcClient().sql("SELECT status, error, executor FROM " + tableOf(crashed.scheduled())
                        + " WHERE task_id = ?").param(crashed.taskId())
                .query((rs, n) -> new ExecutionRecordRow(rs.getInt("status"), rs.getString("error"),
                        rs.getString("executor")))
                .optional().orElse(new ExecutionRecordRow(-1, null, null));
    }

    private long recordCount(CrashedCall crashed) {
        return db.jdbcClient().sql("SELECT COUNT(*) FROM " + tableOf(crashed.scheduled()) + " WHERE task_id = ?")
                .param(crashed.taskId()).query(Long.class).single();
    }

    private static String tableOf(Instant scheduled) {
        return RecordTables.tableName(YearMonth.from(scheduled.atZone(ZoneOffset.UTC)));
    }

    record ExecutionRecordRow(int status, String error, String executor) {
    }

    /** The crashed instance's fire; {@link #end()} lets its stalled call return and closes what is left of it. */
    record CrashedCall(long taskId, Instant scheduled, String fireId, String instance, RunningEngine crashed,
                       CountDownLatch release, EngineDatabase db) {

        RunningEngine survivor() {
            return new RunningEngine(db, CLOCK, TestTasks.engineSettings(200, 1000, 2));
        }

        void end() throws InterruptedException {
            release.countDown();
            crashed.engine.awaitIdle(CLOCK.instant().plusSeconds(10));
            crashed.close();
        }
    }

    private long insert(JdbcClient jdbc, Instant first) {
        long id = EngineFixture.insertTask(jdbc, "* * * * * *", TaskStatus.ENABLED, first, first.minusSeconds(1), "FIRE_ONCE");
        jdbc.sql("UPDATE task SET url = ? WHERE id = ?").params(target.url(PATH), id).update();
        return id;
    }

    private static void disable(JdbcClient jdbc, long id) {
        jdbc.sql("UPDATE task SET status = 0, next_execute_time = NULL, lease_owner = NULL, claimed_from = NULL,"
                        + " version = version + 1, update_time = ? WHERE id = ?")
                .params(SqlTime.toDb(CLOCK.instant()), id).update();
    }

    /** What {@code DELETE /tasks/{id}} on another instance leaves in the database. */
    private static void deleteElsewhere(JdbcClient jdbc, long id) {
        jdbc.sql("DELETE FROM task WHERE id = ?").param(id).update();
        jdbc.sql("INSERT INTO task_deletion (task_id, delete_time) VALUES (?, ?)")
                .params(id, SqlTime.toDb(CLOCK.instant())).update();
    }

    private static Set<String> recordedFireIds(JdbcClient jdbc, Instant start) {
        String table = RecordTables.tableName(YearMonth.from(start.atZone(ZoneOffset.UTC)));
        return new HashSet<>(jdbc.sql("SELECT fire_id FROM " + table + " WHERE success = 1").query(String.class).list());
    }
}
