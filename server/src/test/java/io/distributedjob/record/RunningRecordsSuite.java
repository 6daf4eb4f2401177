package io.distributedjob.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.distributedjob.config.JobSettings;
import io.distributedjob.execution.Fire;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.execution.FireTracing;
import io.distributedjob.execution.HttpTaskExecutor;
import io.distributedjob.execution.TaskExecutors;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.Task;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running records with the real fire executor, record writer and database: a fire whose target stalls is seen
 * running (with its instance and start) before its call returns, record queries keep their meaning, and a
 * cancel ends it and frees its worker.
 */
abstract class RunningRecordsSuite {

    private static final Instant SCHEDULED = Instant.parse("2026-06-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long DEPARTMENT = 1;
    private static final YearMonth MONTH = YearMonth.of(2026, 6);

    private final Clock clock = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.between(Instant.now(), SCHEDULED));
    private final TargetServer target = new TargetServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final InstanceId instance = new InstanceId();
    private EngineDatabase db;
    private RecordWriter records;
    private RecordService service;

    abstract EngineDatabase openDatabase();

    @BeforeEach
    void open() {
        db = openDatabase();
        target.answer("/stall", exchange -> {
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "late".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        for (AutoCloseable closeable : closing.reversed()) {
            closeable.close();
        }
        target.close();
        db.close();
    }

    @Test
    void aStalledCallIsRunningWithItsInstanceAndStartThenTheSameRowIsCompleted() throws Exception {
        FireExecutor executor = executor(TestTasks.settings(2, 10, 2));
        executor.submit(fire(TestTasks.http(1, target.url("/stall")).build()), null);

        await().atMost(WAIT).until(() -> target.calls("/stall").size() == 1);
        List<RecordView> running = await().atMost(WAIT)
                .until(() -> service.running(Set.of(DEPARTMENT), PageQuery.of(1, 10)).list(), list -> !list.isEmpty());
        assertThat(running).singleElement().satisfies(r -> {
            assertThat(r.record().status()).isEqualTo(ExecutionRecord.RUNNING);
            assertThat(r.record().executor()).isEqualTo(instance.value());
            assertThat(r.startTime()).isNotNull();
            assertThat(r.endTime()).isNull();
            assertThat(r.record().fireId()).isEqualTo(ExecutionRecord.fireId(1, SCHEDULED));
        });
        assertThat(running.getFirst().startTime().toInstant())
                .as("written before the call reached the target")
                .isBeforeOrEqualTo(target.calls("/stall").getFirst().arrived());

        release.countDown();
        assertThat(executor.awaitIdle(clock.instant().plus(WAIT))).isTrue();
        records.flush();
        assertThat(service.running(Set.of(DEPARTMENT), PageQuery.of(1, 10)).list()).isEmpty();
        List<RecordView> all = service.list(MONTH, new RecordFilter(Set.of(DEPARTMENT), 1L, null, null),
                PageQuery.of(1, 10)).list();
        assertThat(all).singleElement().satisfies(r -> {
            assertThat(r.record().status()).isEqualTo(ExecutionRecord.SUCCEEDED);
            assertThat(r.record().response()).isEqualTo("late");
            assertThat(r.id()).isEqualTo(running.getFirst().id());
        });
    }

    @Test
    void failedListsAndFiguresLeaveRunningRecordsOutPlainListsShowThem() throws Exception {
        target.reply("/down", 500, "down", 0);
        FireExecutor executor = executor(TestTasks.settings(2, 10, 2));
        executor.submit(fire(TestTasks.http(1, target.url("/stall")).build()), null);
        executor.submit(fire(TestTasks.http(2, target.url("/down")).build()), null);
        await().atMost(WAIT).until(() -> target.calls("/stall").size() == 1 && target.calls("/down").size() == 1);
        Set<Long> departments = Set.of(DEPARTMENT);
        await().atMost(WAIT).until(() -> service.running(departments, PageQuery.of(1, 10)).list().size() == 1);
        records.flush();

        List<RecordView> failed = service.list(MONTH, new RecordFilter(departments, null, false, null),
                PageQuery.of(1, 10)).list();
        assertThat(failed).extracting(r -> r.record().taskId()).containsExactly(2L);
        List<RecordView> all = service.list(MONTH, new RecordFilter(departments, null, null, null),
                PageQuery.of(1, 10)).list();
        assertThat(all).extracting(r -> r.record().status())
                .containsExactlyInAnyOrder(ExecutionRecord.RUNNING, ExecutionRecord.FAILED);
        RecordStats stats = service.stats(MONTH, new RecordFilter(departments, null, null, null));
        assertThat(stats.total()).as("finished executions only").isEqualTo(1);
        assertThat(stats.fail()).isEqualTo(1);
        assertThat(service.totals(new RecordFilter(departments, null, null, null), null, null).total()).isEqualTo(1);
    }

    @Test
    void aCancelEndsTheCallFreesTheWorkerAndRecordsWhoCancelled() throws Exception {
        FireExecutor executor = executor(TestTasks.settings(1, 10, 1));
        executor.submit(fire(TestTasks.http(1, target.url("/stall")).build()), null);
        await().atMost(WAIT).until(() -> target.calls("/stall").size() == 1);
        executor.submit(fire(TestTasks.http(2, target.url("/ok")).build()), null);
        assertThat(executor.waiting()).as("the one worker is taken").isEqualTo(1);

        assertThat(executor.cancel(ExecutionRecord.fireId(1, SCHEDULED), "cancelled by alice")).isTrue();

        await().atMost(WAIT).until(() -> target.calls("/ok").size() == 1);
        assertThat(executor.awaitIdle(clock.instant().plus(WAIT))).isTrue();
        records.flush();
        List<RecordView> all = service.list(MONTH, new RecordFilter(Set.of(DEPARTMENT), null, null, null),
                PageQuery.of(1, 10)).list();
        assertThat(all).filteredOn(r -> r.record().taskId() == 1).singleElement().satisfies(r -> {
            assertThat(r.record().status()).isEqualTo(ExecutionRecord.FAILED);
            assertThat(r.record().error()).isEqualTo("cancelled by alice");
        });
        assertThat(all).filteredOn(r -> r.record().taskId() == 2).singleElement()
                .satisfies(r -> assertThat(r.record().status()).isEqualTo(ExecutionRecord.SUCCEEDED));
        assertThat(executor.cancel(ExecutionRecord.fireId(1, SCHEDULED), "cancelled by bob"))
                .as("an ended fire cannot be cancelled").isFalse();
    }

    private FireExecutor executor(JobSettings settings) {
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), clock);
        records = new RecordWriter(tables, db.jdbcTemplate(), db.transactions(), clock, settings,
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()));
        records.start();
        closing.add(records::stop);
        service = RecordFixtures.service(db, tables, clock);
        HttpTaskExecutor http = new HttpTaskExecutor(JsonMapper.builder().build(), settings);
        closing.add(http);
        FireExecutor executor = new FireExecutor(new TaskExecutors(List.of(http)), records, clock, settings, instance,
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), FireTracing.off());
        closing.add(executor);
        return executor;
    }

    private static Fire fire(Task task) {
        return new Fire(task, SCHEDULED, TriggerType.CRON, true);
    }
}
