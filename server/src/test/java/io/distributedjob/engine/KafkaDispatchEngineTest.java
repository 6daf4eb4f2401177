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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.distributedjob.cluster.Cluster;
import io.distributedjob.config.JobSettings;
import io.distributedjob.config.KafkaSettings;
import io.distributedjob.dispatch.DatabaseRecordedFires;
import io.distributedjob.dispatch.KafkaFireConsumer;
import io.distributedjob.dispatch.KafkaFirePublisher;
import io.distributedjob.dispatch.LocalFireDispatch;
import io.distributedjob.dispatch.TaskFireExecutor;
import io.distributedjob.record.RecordTables;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.KafkaBroker;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole engines dispatching through a real Kafka broker (KRaft, in this JVM): a claiming instance publishes its due
 * fires, executing instances consume them, call the target and write the records, all on one database.
 */
class KafkaDispatchEngineTest {

    private static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    private static final JobSettings SETTINGS = TestTasks.engineSettings(200, 1000, 5);
    private static final Duration FLOW = Duration.ofSeconds(40);
    private static final String PATH = "/tick";
    private static final int TASKS = 6;
    private static final AtomicInteger topics = new AtomicInteger();
    private static KafkaBroker kafka;

    private final List<AutoCloseable> open = new ArrayList<>();
    private EngineDatabase db;
    private TargetServer target;
    private KafkaSettings claiming;
    private KafkaSettings executing;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @BeforeEach
    void open() {
        db = EngineDatabase.h2();
        target = new TargetServer();
        claiming = kafka.topic("engine-fires-" + topics.incrementAndGet(), 3, KafkaSettings.Role.CLAIMER);
        executing = withRole(claiming, KafkaSettings.Role.EXECUTOR);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        target.close();
        db.close();
    }

    @Test
    void firesFlowFromClaimerThroughKafkaToExecutorAndAreRecordedOnce() {
        Instant start = nextSecond().plusSeconds(1);
        insertTasks(start);
        Executor executor = executor();
        claimer();

        Instant end = start.plusSeconds(5);
        await().atMost(FLOW).until(() -> recordedUpTo(end));

        Map<Long, List<Record>> byTask = records(start, end);
        assertThat(byTask).hasSize(TASKS);
        byTask.values().forEach(records -> assertThat(records).hasSize(6)
                .allSatisfy(record -> assertThat(record.executor()).isEqualTo(executor.id())));
        assertCalledOnceEach(byTask);
    }

    @Test
    void anExecutorKilledMidBatchLosesNothingAndRepeatsNothingRecorded() {
        // calls longer than a second: the executor is always in the middle of a batch when it is stopped
        target.reply(PATH, 200, "ok", 1500);
        Instant start = nextSecond().plusSeconds(1);
        insertTasks(start);
        Executor dying = executor();
        claimer();
        await().atMost(FLOW).until(() -> recordCount() >= TASKS);

        dying.consumer().close();
        await().atMost(FLOW).until(() -> dying.engine().executor.running() == 0);
        Instant killed = CLOCK.instant();
        Executor survivor = executor();

        Instant end = killed.truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        await().atMost(FLOW).until(() -> recordedUpTo(end));
        Map<Long, List<Record>> byTask = records(start, end);
        byTask.values().forEach(records -> assertThat(records).extracting(Record::executor)
                .containsOnly(dying.id(), survivor.id()));
        assertNoneMissing(byTask, start, end);
        assertCalledOnceEach(byTask);
        assertThat(survivor.consumer().alreadyRecorded()).as("redelivered fires found recorded").isPositive();
    }

    @Test
    void dispatchSurvivesABrokerRestart() throws Exception {
        Instant start = nextSecond().plusSeconds(1);
        insertTasks(start);
        executor();
        claimer();
        await().atMost(FLOW).until(() -> recordCount() >= 2 * TASKS);

        kafka.restart();

        Instant end = nextSecond().plusSeconds(3);
        await().atMost(FLOW).until(() -> recordedUpTo(end));
        Map<Long, List<Record>> byTask = records(start, end);
        assertNoneMissing(byTask, start, end);
        assertCalledOnceEach(byTask);
    }

    private void claimer() {
        KafkaFirePublisher publisher = new KafkaFirePublisher(claiming);
        open.add(publisher);
        open.add(new RunningEngine(db, CLOCK, SETTINGS, id -> Cluster.standalone(id.value(), id.host(), CLOCK),
                executor -> publisher, claiming));
    }

    private Executor executor() {
        RunningEngine engine = new RunningEngine(db, CLOCK, SETTINGS,
                id -> Cluster.executorOnly(id.value(), id.host(), CLOCK), LocalFireDispatch::new, executing);
        open.add(engine);
        JdbcClient jdbc = db.jdbcClient();
        TaskFireExecutor runs = new TaskFireExecutor(id -> Optional.of(EngineFixture.task(jdbc, id)), engine.executor);
        KafkaFireConsumer consumer = new KafkaFireConsumer(executing, engine.instanceId.value(), runs,
                new DatabaseRecordedFires(new RecordTables(db.jdbcTemplate(), db.dialect(), CLOCK), db.jdbcTemplate(),
                        CLOCK), Duration.ofMillis(100));
        consumer.start();
        open.add(consumer);
        return new Executor(engine, consumer);
    }

    private record Executor(RunningEngine engine, KafkaFireConsumer consumer) {

        String id() {
            return engine.instanceId.value();
        }
    }

    private record Record(long taskId, Instant scheduled, String fireId, String executor) {
    }

    private void insertTasks(Instant first) {
        JdbcClient jdbc = db.jdbcClient();
        for (int i = 0; i < TASKS; i++) {
            long id = EngineFixture.insertTask(jdbc, "* * * * * *", Task.ENABLED, first, first.minusSeconds(1),
                    "FIRE_ONCE");
            jdbc.sql("UPDATE task SET url = ? WHERE id = ?").params(target.url(PATH), id).update();
        }
    }

    private boolean recordedUpTo(Instant end) {
        return records(end, end).size() == TASKS;
    }

    private long recordCount() {
        Instant now = CLOCK.instant();
        return records(now.minus(FLOW), now.plus(FLOW)).values().stream().mapToLong(List::size).sum();
    }

    private Map<Long, List<Record>> records(Instant from, Instant to) {
        YearMonth month = YearMonth.from(to.atZone(ZoneOffset.UTC));
        if (!new RecordTables(db.jdbcTemplate(), db.dialect(), CLOCK).exists(month)) {
            return Map.of();
        }
        String table = RecordTables.tableName(month);
        return db.jdbcClient().sql("SELECT task_id, scheduled_time, fire_id, executor FROM " + table
                        + " WHERE scheduled_time >= ? AND scheduled_time <= ? ORDER BY scheduled_time")
                .params(SqlTime.toDb(from), SqlTime.toDb(to))
                .query((rs, n) -> new Record(rs.getLong("task_id"),
                        SqlTime.fromDb(rs.getObject("scheduled_time", LocalDateTime.class)),
                        rs.getString("fire_id"), rs.getString("executor")))
                .list().stream().collect(Collectors.groupingBy(Record::taskId));
    }

    /** Every second from {@code start} to {@code end} has its record, for every task. */
    private static void assertNoneMissing(Map<Long, List<Record>> byTask, Instant start, Instant end) {
        assertThat(byTask).hasSize(TASKS);
        long seconds = Duration.between(start, end).toSeconds() + 1;
        byTask.values().forEach(records -> assertThat(records).extracting(Record::scheduled).doesNotHaveDuplicates()
                .hasSize((int) seconds));
    }

    /** The target saw each recorded fire exactly once. */
    private void assertCalledOnceEach(Map<Long, List<Record>> byTask) {
        Map<String, Long> calls = target.calls(PATH).stream()
                .collect(Collectors.groupingBy(call -> call.header("X-DJ-Fire-Id"), Collectors.counting()));
        byTask.values().forEach(records -> records.forEach(record ->
                assertThat(calls.get(record.fireId())).as("calls of fire %s", record.fireId()).isEqualTo(1L)));
    }

    private static Instant nextSecond() {
        return CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    private static KafkaSettings withRole(KafkaSettings settings, KafkaSettings.Role role) {
        return new KafkaSettings(settings.brokers(), settings.topic(), settings.consumerGroup(),
                settings.securityProtocol(), settings.saslMechanism(), settings.username(), settings.password(), role);
    }
}
