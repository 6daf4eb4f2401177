package io.distributedjob.execution;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.config.JobSettings;
import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.distributedjob.record.RecordTables;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.support.Database;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.MisfirePolicy;
import io.distributedjob.task.Task;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fire executor with real parts: a local HTTP target (or a task executor that misbehaves on purpose), the
 * real record writer and a real database. Its clock runs in real time, shifted so that now is {@link #SCHEDULED}.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class FireExecutorTest {

    static final Instant SCHEDULED = Instant.parse("2026-06-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SCHEDULED));
    @Parameter
    Database database;

    @AutoClose
    private final TargetServer target = new TargetServer();
    private final List<AutoCloseable> closing = new ArrayList<>();
    @AutoClose
    private EngineDatabase db;
    private RecordWriter records;

    @BeforeEach
    void open() {
        db = database.open();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aHerdOnOneInstantAllRunsLateNoneRefused() throws Exception {
        FireExecutor executor = executor(TestTasks.settings(5, 100, 3));
        AtomicInteger recorded = new AtomicInteger();
        for (int i = 0; i < 300; i++) {
            executor.submit(fire(TestTasks.http(1000 + i, target.url("/ok")).build(), SCHEDULED),
                    recorded::incrementAndGet);
        }
        assertThat(executor.waiting()).isPositive();

        await().atMost(WAIT).until(() -> recorded.get() == 300);
        assertThat(target.calls()).hasSize(300);
        assertThat(errors()).hasSize(300).containsOnlyNulls();
        assertThat(executor.waiting()).isZero();
    }

    @Test
    void betweenRetriesTheWorkerRunsOtherFires() throws Exception {
        target.reply("/failing", 500, "down", 0);
        FireExecutor executor = executor(TestTasks.settings(1, 100, 1));
        Task retrying = TestTasks.http(1, target.url("/failing")).retries(1, 2).build();
        executor.submit(fire(retrying, SCHEDULED), null);
        await().atMost(WAIT).until(() -> target.calls("/failing").size() == 1);
        await().atMost(WAIT).until(() -> executor.waiting() == 1);
        executor.submit(fire(TestTasks.http(2, target.url("/ok")).build(), SCHEDULED), null);

        assertThat(executor.awaitIdle(Instant.now(clock).plus(WAIT))).isTrue();
        List<TargetServer.Call> calls = target.calls();
        assertThat(calls).extracting(TargetServer.Call::path).containsExactly("/failing", "/ok", "/failing");
        assertThat(Duration.between(calls.get(0).arrived(), calls.get(2).arrived())).isGreaterThan(Duration.ofMillis(1900));
        assertThat(errors()).containsExactlyInAnyOrder(null, "HTTP 500");
    }

    @Test
    void retriesSpacedByTheIntervalThenTheFallbackOnce() throws Exception {
        target.reply("/primary", 503, "down", 0);
        FireExecutor executor = executor(TestTasks.settings(5, 100, 5));
        Task task = TestTasks.http(8, target.url("/primary")).retries(2, 1).fallbackUrl(target.url("/fallback")).build();
        executor.submit(fire(task, SCHEDULED), null);

        assertThat(executor.awaitIdle(Instant.now(clock).plus(WAIT))).isTrue();
        List<TargetServer.Call> calls = target.calls();
        assertThat(calls).extracting(TargetServer.Call::path)
                .containsExactly("/primary", "/primary", "/primary", "/fallback");
        for (int i = 1; i < 3; i++) {
            assertThat(Duration.between(calls.get(i - 1).arrived(), calls.get(i).arrived()))
                    .isBetween(Duration.ofMillis(950), Duration.ofMillis(1800));
        }
        assertThat(Duration.between(calls.get(2).arrived(), calls.get(3).arrived())).isLessThan(Duration.ofMillis(800));
        records.flush();
        String row = db.jdbcClient().sql("SELECT success, used_fallback, retry_times, error FROM " + table())
                .query((rs, n) -> rs.getBoolean(1) + " " + rs.getBoolean(2) + " " + rs.getInt(3) + " " + rs.getString(4))
                .single();
        assertThat(row).isEqualTo("true true 2 primary failed after 3 calls: HTTP 503");
    }

    @Test
    void aCallPastTheFireDeadlineIsCancelledAndTheFireRecordedAsTimedOut() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        FireExecutor executor = executor(TestTasks.settings(1, 100, 1), (fire, to) -> {
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return new Attempt(true, 200, "late", null);
        });
        CountDownLatch recorded = new CountDownLatch(1);
        Instant submitted = Instant.now();
        executor.submit(fire(TestTasks.http(1, "http://127.0.0.1/unused").timeout(1).build(), SCHEDULED),
                recorded::countDown);

        await().atMost(WAIT).until(() -> recorded.getCount() == 0);
        assertThat(Duration.between(submitted, Instant.now())).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
        assertThat(interrupted).isTrue();
        assertThat(errors()).singleElement().asString().startsWith("timed out: the fire passed its deadline of 2 s");
        assertThat(executor.busy(1)).isFalse();
        assertThat(executor.stuckWorkers()).isZero();
    }

    @Test
    void aTargetThatStallsAfterItsHeadersIsRecordedAsTimedOutAtItsCallDeadline() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerHeadersThenStall(stalling));
            FireExecutor executor = executor(TestTasks.settings(1, 100, 1));
            AtomicInteger recorded = new AtomicInteger();
            Instant submitted = Instant.now();
            executor.submit(fire(TestTasks.http(1, "http://127.0.0.1:" + stalling.getLocalPort() + "/stall").timeout(1)
                    .build(), SCHEDULED), recorded::incrementAndGet);
            executor.submit(fire(TestTasks.http(2, target.url("/ok")).build(), SCHEDULED), recorded::incrementAndGet);

            await().atMost(WAIT).until(() -> recorded.get() == 2);
            assertThat(Duration.between(submitted, Instant.now())).isLessThan(Duration.ofSeconds(5));
            // the call's own deadline covers the whole body, so it ends the call before the fire's deadline would
            assertThat(errors()).containsExactly("timed out after 1 s", null);
            assertThat(target.calls("/ok")).hasSize(1);
        }
    }

    /** Sends the status line, headers and a first part of the body, then nothing, holding the connection. */
    private static void answerHeadersThenStall(ServerSocket server) {
        try (Socket socket = server.accept()) {
            BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            while (!request.readLine().isEmpty()) {
                // the request head is read and ignored
            }
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nfirst".getBytes(US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().read();
        } catch (IOException e) {
            // the test is over and the server socket closed
        }
    }

    @Test
    void aWorkerIgnoringTheInterruptIsStuckButNeitherHoldsTheFireNorItsWorker() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FireExecutor executor = executor(TestTasks.settings(1, 100, 1), (fire, to) -> {
            if (fire.task().id() == 2) {
                return new Attempt(true, 200, "ok", null);
            }
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // this call ignores cancellation on purpose
                }
            }
            return new Attempt(true, 200, "too late", null);
        });
        AtomicInteger recorded = new AtomicInteger();
        executor.submit(fire(TestTasks.http(1, "http://127.0.0.1/unused").timeout(1).build(), SCHEDULED),
                recorded::incrementAndGet);
        executor.submit(fire(TestTasks.http(2, "http://127.0.0.1/unused").build(), SCHEDULED), recorded::incrementAndGet);

        await().atMost(WAIT).until(() -> recorded.get() == 2);
        await().atMost(WAIT).until(() -> executor.stuckWorkers() == 1);
        assertThat(errors()).containsExactlyInAnyOrder(null,
                "timed out: the fire passed its deadline of 2 s (each call's timeout plus 1 s, and the retry intervals)");

        release.countDown();
        await().atMost(WAIT).until(() -> executor.stuckWorkers() == 0);
        records.flush();
        assertThat(errors()).hasSize(2);
    }

    @Test
    void anErrorThrownByACallEndsInOneRecordAndFreesTheWorker() throws Exception {
        FireExecutor executor = executor(TestTasks.settings(1, 100, 1), (fire, to) -> {
            throw new StackOverflowError();
        });
        AtomicInteger recorded = new AtomicInteger();
        executor.submit(fire(TestTasks.http(1, "http://127.0.0.1/unused").build(), SCHEDULED), recorded::incrementAndGet);
        executor.submit(fire(TestTasks.http(2, "http://127.0.0.1/unused").build(), SCHEDULED), recorded::incrementAndGet);

        await().atMost(WAIT).until(() -> recorded.get() == 2);
        assertThat(errors()).containsExactly("internal error: java.lang.StackOverflowError",
                "internal error: java.lang.StackOverflowError");
        assertThat(executor.busy(1)).isFalse();
        assertThat(executor.awaitIdle(Instant.now(clock).plusSeconds(1))).isTrue();
    }

    @Test
    void workersGoRoundTheDepartmentsSoABacklogDoesNotStarveTheOthers() throws Exception {
        target.reply("/a", 200, "ok", 100);
        FireExecutor executor = executor(TestTasks.settings(5, 100, 3));
        for (int i = 0; i < 50; i++) {
            executor.submit(fire(TestTasks.http(100 + i, target.url("/a")).department(10).build(), SCHEDULED), null);
        }
        for (int i = 0; i < 5; i++) {
            executor.submit(fire(TestTasks.http(200 + i, target.url("/b")).department(20).build(), SCHEDULED), null);
        }

        assertThat(executor.awaitIdle(Instant.now(clock).plus(WAIT))).isTrue();
        List<String> order = target.calls().stream().map(TargetServer.Call::path).toList();
        assertThat(order).hasSize(55);
        assertThat(order.lastIndexOf("/b")).isLessThan(15);
    }

    @Test
    void maxWorkersPerDepartmentCapsOneDepartmentWhileOthersUseTheRest() throws Exception {
        target.reply("/a", 200, "ok", 300);
        target.reply("/b", 200, "ok", 300);
        FireExecutor executor = executor(TestTasks.settings(3, 100, 3, 1));
        for (int i = 0; i < 4; i++) {
            executor.submit(fire(TestTasks.http(100 + i, target.url("/a")).department(10).build(), SCHEDULED), null);
        }
        executor.submit(fire(TestTasks.http(200, target.url("/b")).department(20).build(), SCHEDULED), null);

        assertThat(executor.awaitIdle(Instant.now(clock).plus(WAIT))).isTrue();
        List<TargetServer.Call> a = target.calls("/a");
        for (int i = 1; i < a.size(); i++) {
            assertThat(Duration.between(a.get(i - 1).arrived(), a.get(i).arrived())).isGreaterThan(Duration.ofMillis(250));
        }
        assertThat(target.calls("/b").getFirst().arrived()).isBefore(a.get(1).arrived());
    }

    @Test
    void aFireThatWaitedPastTheMisfireThresholdFollowsItsMisfirePolicy() throws Exception {
        FireExecutor executor = executor(TestTasks.settings(5, 100, 5));
        Instant longAgo = SCHEDULED.minusSeconds(120);
        executor.submit(fire(TestTasks.http(1, target.url("/skip")).misfire(MisfirePolicy.SKIP).build(), longAgo), null);
        executor.submit(fire(TestTasks.http(2, target.url("/once")).build(), longAgo), null);
        executor.submit(fire(TestTasks.http(3, target.url("/recent")).misfire(MisfirePolicy.SKIP).build(),
                SCHEDULED.minusSeconds(30)), null);

        assertThat(executor.awaitIdle(Instant.now(clock).plus(WAIT))).isTrue();
        assertThat(target.calls()).extracting(TargetServer.Call::path).containsExactlyInAnyOrder("/once", "/recent");
        records.flush();
        List<String> rows = db.jdbcClient().sql("SELECT task_id, trigger_type, error FROM " + table() + " ORDER BY task_id")
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).matches("1 CRON missed: a worker was free only 1[23]\\d s after the scheduled time, beyond"
                + " job.misfireThresholdSeconds \\(misfirePolicy SKIP\\)");
        assertThat(rows.get(1)).isEqualTo("2 MISFIRE null");
        assertThat(rows.get(2)).isEqualTo("3 CRON null");
    }

    @Test
    void forbidSkipsAFireWhileThePreviousRunGoesOn() throws Exception {
        target.reply("/slow", 200, "ok", 800);
        FireExecutor executor = executor(TestTasks.settings(5, 10, 5));
        Task task = TestTasks.http(200, target.url("/slow")).forbidConcurrentRuns().build();
        executor.submit(fire(task, SCHEDULED), null);
        executor.submit(fire(task, SCHEDULED.plusSeconds(1)), null);
        await().atMost(WAIT).until(() -> !executor.busy(200));
        executor.submit(fire(task, SCHEDULED.plusSeconds(2)), null);
        assertThat(executor.awaitIdle(Instant.now(clock).plus(WAIT))).isTrue();

        assertThat(target.calls()).extracting(call -> call.header("X-DJ-Fire-Id"))
                .containsExactly("200:2026-06-01T08:00:00Z", "200:2026-06-01T08:00:02Z");
        assertThat(errors()).containsExactlyInAnyOrder(null, null,
                "skipped: the previous run of this task was still going (concurrencyPolicy FORBID)");
    }

    @Test
    void aStoppedExecutorRecordsNewFiresAsNotRun() throws Exception {
        FireExecutor executor = executor(TestTasks.settings(5, 10, 5));
        executor.stopAccepting();
        executor.submit(fire(TestTasks.http(300, target.url("/ok")).build(), SCHEDULED), null);
        assertThat(target.calls()).isEmpty();
        assertThat(errors()).containsExactly("not run: the server was shutting down");
    }

    @Test
    void theDrainEndsWithinItsWaitAndRecordsWhatWasCutShort() throws Exception {
        target.reply("/failing", 500, "down", 0);
        target.reply("/stalled", 200, "ok", 60_000);
        FireExecutor executor = executor(TestTasks.settings(5, 10, 5));
        AtomicInteger recorded = new AtomicInteger();
        executor.submit(fire(TestTasks.http(1, target.url("/failing")).retries(1, 3600).build(), SCHEDULED),
                recorded::incrementAndGet);
        executor.submit(fire(TestTasks.http(2, target.url("/stalled")).timeout(120).build(), SCHEDULED),
                recorded::incrementAndGet);
        await().atMost(WAIT).until(() -> target.calls().size() == 2);

        executor.stopAccepting();
        Instant before = Instant.now();
        assertThat(executor.awaitIdle(Instant.now(clock).plusSeconds(1))).isFalse();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofMillis(1500));

        await().atMost(WAIT).until(() -> recorded.get() == 2);
        assertThat(errors()).containsExactlyInAnyOrder("interrupted: the server shut down before the run ended",
                "interrupted: the server shut down before the run ended");
        assertThat(executor.waiting()).isZero();
    }

    @Test
    void aClaimedFireStillWaitingWhenTheDrainEndsStaysClaimedForTakeover() throws Exception {
        target.reply("/stalled", 200, "ok", 60_000);
        FireExecutor executor = executor(TestTasks.settings(1, 10, 1));
        AtomicInteger recorded = new AtomicInteger();
        executor.submit(fire(TestTasks.http(1, target.url("/stalled")).timeout(120).build(), SCHEDULED),
                recorded::incrementAndGet);
        executor.submit(fire(TestTasks.http(2, target.url("/ok")).build(), SCHEDULED), recorded::incrementAndGet);
        executor.submit(new Fire(TestTasks.http(3, target.url("/ok")).build(), SCHEDULED, TriggerType.MANUAL, false),
                recorded::incrementAndGet);
        await().atMost(WAIT).until(() -> target.calls().size() == 1);

        executor.stopAccepting();
        assertThat(executor.awaitIdle(Instant.now(clock).plusSeconds(1))).isFalse();

        await().atMost(WAIT).until(() -> recorded.get() == 2);
        assertThat(errors()).containsExactly("interrupted: the server shut down before the run ended",
                "not run: the server shut down first");
        assertThat(target.calls("/ok")).isEmpty();
        assertThat(executor.waiting()).isZero();
        assertThat(executor.busy(2)).isFalse();
    }

    @Test
    void aClaimedFireThatMayNoLongerStartWhenAWorkerFreesIsNeitherRunNorRecorded() throws Exception {
        target.reply("/slow", 200, "ok", 1_000);
        FireExecutor executor = executor(TestTasks.settings(1, 10, 1));
        AtomicBoolean leaseProven = new AtomicBoolean(true);
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger notStarted = new AtomicInteger();
        executor.submit(fire(TestTasks.http(1, target.url("/slow")).build(), SCHEDULED), recorded::incrementAndGet,
                leaseProven::get, notStarted::incrementAndGet);
        executor.submit(fire(TestTasks.http(2, target.url("/ok")).build(), SCHEDULED), recorded::incrementAndGet,
                leaseProven::get, notStarted::incrementAndGet);
        await().atMost(WAIT).until(() -> target.calls("/slow").size() == 1);
        assertThat(executor.waiting()).isOne();

        leaseProven.set(false);

        assertThat(executor.awaitIdle(Instant.now(clock).plus(WAIT))).isTrue();
        assertThat(notStarted).hasValue(1);
        assertThat(target.calls("/ok")).isEmpty();
        assertThat(errors()).containsExactly((String) null);
        await().atMost(WAIT).until(() -> recorded.get() == 1);
        assertThat(executor.busy(2)).isFalse();
    }

    private FireExecutor executor(JobSettings settings) {
        HttpTaskExecutor http = new HttpTaskExecutor(JsonMapper.builder().build(), settings);
        closing.add(http);
        return executor(settings, http);
    }

    private FireExecutor executor(JobSettings settings, Call call) {
        return executor(settings, new TaskExecutor() {
            @Override
            public TaskType type() {
                return TaskType.HTTP;
            }

            @Override
            public boolean hasFallback(Task task) {
                return false;
            }

            @Override
            public String address(Task task, Target target) {
                return task.definition().url();
            }

            @Override
            public Attempt call(Fire fire, Target target) throws InterruptedException {
                return call.call(fire, target);
            }
        });
    }

    private FireExecutor executor(JobSettings settings, TaskExecutor taskExecutor) {
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        records = new RecordWriter(tables, db.jdbcTemplate(), db.transactions(), clock, settings, new MicrometerSchedulerMetrics(new SimpleMeterRegistry()));
        records.start();
        closing.add(records::stop);
        FireExecutor executor = new FireExecutor(new TaskExecutors(List.of(taskExecutor)), records, clock, settings,
                new InstanceId(), new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), FireTracing.off());
        closing.add(executor);
        return executor;
    }

    private static Fire fire(Task task, Instant scheduled) {
        return new Fire(task, scheduled, TriggerType.CRON, true);
    }

    private List<String> errors() {
        records.flush();
        return db.jdbcClient().sql("SELECT error FROM " + table() + " ORDER BY task_id")
                .query((rs, n) -> rs.getString("error")).list();
    }

    private static String table() {
        return RecordTables.tableName(YearMonth.of(2026, 6));
    }

    /** A call made by a task executor written for one test. */
    @FunctionalInterface
    interface Call {
        Attempt call(Fire fire, Target target) throws InterruptedException;
    }
}
