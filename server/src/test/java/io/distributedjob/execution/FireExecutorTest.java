package io.distributedjob.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import io.distributedjob.record.RecordTables;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.record.TriggerType;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FireExecutorTest {

    private static final Instant SCHEDULED = Instant.parse("2026-06-01T08:00:00Z");

    private final Clock clock = Clock.system(ZoneOffset.UTC);
    private final EngineDatabase db = EngineDatabase.h2();
    private final TargetServer target = new TargetServer();
    private final RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
    private RecordWriter records;
    private HttpTaskExecutor http;

    @AfterEach
    void close() {
        if (records != null) {
            records.stop();
        }
        http.close();
        target.close();
        db.close();
    }

    private FireExecutor executor(int workers, int queueSize) {
        var settings = TestTasks.settings(workers, queueSize, workers);
        records = new RecordWriter(tables, db.jdbcTemplate(), db.transactions(), clock, settings);
        records.start();
        http = new HttpTaskExecutor(JsonMapper.builder().build(), settings);
        return new FireExecutor(new TaskExecutors(List.of(http)), records, clock, settings, new InstanceId());
    }

    @Test
    void aFullQueueRecordsTheFireAsFailedWithTheReason() throws Exception {
        target.reply("/slow", 200, "ok", 1_000);
        FireExecutor executor = executor(1, 1);
        for (int i = 0; i < 3; i++) {
            Task task = TestTasks.http(100 + i, target.url("/slow")).build();
            executor.submit(new Fire(task, SCHEDULED, TriggerType.CRON, true), null);
        }
        assertThat(executor.awaitIdle(Instant.now().plusSeconds(10))).isTrue();
        records.flush();

        assertThat(target.calls()).hasSize(2);
        assertThat(errors()).containsExactlyInAnyOrder(null, null,
                "rejected: all workers busy and the execution queue full (job.queueSize = 1)");
    }

    @Test
    void forbidSkipsAFireWhileThePreviousRunGoesOn() throws Exception {
        target.reply("/slow", 200, "ok", 800);
        FireExecutor executor = executor(5, 10);
        Task task = TestTasks.http(200, target.url("/slow")).forbidConcurrentRuns().build();
        executor.submit(new Fire(task, SCHEDULED, TriggerType.CRON, true), null);
        executor.submit(new Fire(task, SCHEDULED.plusSeconds(1), TriggerType.CRON, true), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> !executor.busy(200));
        executor.submit(new Fire(task, SCHEDULED.plusSeconds(2), TriggerType.CRON, true), null);
        assertThat(executor.awaitIdle(Instant.now().plusSeconds(10))).isTrue();
        records.flush();

        assertThat(target.calls()).extracting(call -> call.header("X-DJ-Fire-Id"))
                .containsExactly("200:2026-06-01T08:00:00Z", "200:2026-06-01T08:00:02Z");
        assertThat(errors()).containsExactlyInAnyOrder(null, null,
                "skipped: the previous run of this task was still going (concurrencyPolicy FORBID)");
    }

    @Test
    void aStoppedExecutorRecordsNewFiresAsNotRun() throws Exception {
        FireExecutor executor = executor(5, 10);
        executor.stopAccepting();
        executor.submit(new Fire(TestTasks.http(300, target.url("/ok")).build(), SCHEDULED, TriggerType.CRON, true), null);
        records.flush();
        assertThat(target.calls()).isEmpty();
        assertThat(errors()).containsExactly("not run: the server was shutting down");
    }

    private List<String> errors() {
        return db.jdbcClient().sql("SELECT error FROM " + RecordTables.tableName(YearMonth.of(2026, 6)))
                .query((rs, n) -> rs.getString("error")).list();
    }
}
