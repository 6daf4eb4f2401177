package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.cluster.Cluster;
import io.distributedjob.config.JobSettings;
import io.distributedjob.config.KafkaSettings;
import io.distributedjob.dispatch.DatabaseRecordedFires;
import io.distributedjob.dispatch.DispatchedFire;
import io.distributedjob.dispatch.KafkaFireConsumer;
import io.distributedjob.dispatch.KafkaFirePublisher;
import io.distributedjob.dispatch.LocalFireDispatch;
import io.distributedjob.dispatch.TaskFireExecutor;
import io.distributedjob.engine.EverySecondTasks.Record;
import io.distributedjob.record.RecordTables;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.KafkaBroker;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
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

    private static final Clock CLOCK = EverySecondTasks.CLOCK;
    private static final JobSettings SETTINGS = TestTasks.engineSettings(200, 1000, 5);
    private static final Duration FLOW = Duration.ofSeconds(40);
    private static final int TASKS = 6;
    private static final AtomicInteger topics = new AtomicInteger();
    private static KafkaBroker kafka;

    private final List<AutoCloseable> open = new ArrayList<>();
    private EngineDatabase db;
    private TargetServer target;
    private EverySecondTasks tasks;
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
        tasks = new EverySecondTasks(db, target, TASKS);
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
        Instant start = EverySecondTasks.nextSecond().plusSeconds(1);
        tasks.insert(start);
        Executor executor = executor();
        claimer();

        Instant end = start.plusSeconds(5);
        await().atMost(FLOW).until(() -> tasks.recordedAt(end));

        Map<Long, List<Record>> byTask = tasks.records(start, end);
        assertThat(byTask).hasSize(TASKS);
        byTask.values().forEach(records -> assertThat(records).hasSize(6)
                .allSatisfy(record -> assertThat(record.executor()).isEqualTo(executor.id())));
        tasks.assertCalledOnceEach(byTask);
    }

    @Test
    void anExecutorKilledMidBatchLosesNothingAndRepeatsNothingRecorded() {
        // calls longer than a second: the executor is always in the middle of a batch when it is stopped; and
        // longer than the running record's hold-back, so that the calls under way are on record as running
        tasks.slowTarget(2500);
        Instant start = EverySecondTasks.nextSecond().plusSeconds(1);
        tasks.insert(start);
        Executor dying = executor();
        claimer();
        await().atMost(FLOW).until(() -> tasks.recordCount() >= TASKS);

        dying.consumer().close();
        await().atMost(FLOW).until(() -> dying.engine().executor.running() == 0);
        Instant killed = CLOCK.instant();
        Executor survivor = executor();

        Instant end = killed.truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        await().atMost(FLOW).until(() -> tasks.recordedAt(end));
        Map<Long, List<Record>> byTask = tasks.records(start, end);
        byTask.values().forEach(records -> assertThat(records).extracting(Record::executor)
                .containsOnly(dying.id(), survivor.id()));
        tasks.assertNoneMissing(byTask, start, end);
        tasks.assertCalledOnceEach(byTask);
        assertThat(survivor.consumer().alreadyRecorded()).as("redelivered fires found recorded").isPositive();
    }

    @Test
    void aFireConsumedBeforeItsInstantRunsAtItsInstant() {
        Instant early = EverySecondTasks.nextSecond().plusSeconds(2);
        long task = tasks.insert(early.plusSeconds(3600)).getFirst();
        executor();
        try (KafkaFirePublisher publisher = new KafkaFirePublisher(claiming)) {
            publisher.publish(new DispatchedFire(task, early, "CRON")).join();
        }

        await().atMost(FLOW).until(() -> tasks.records(early, early).containsKey(task));
        assertThat(target.calls()).singleElement().satisfies(call -> assertThat(call.arrived()).isAfterOrEqualTo(early));
    }

    @Test
    void dispatchSurvivesABrokerRestart() throws Exception {
        Instant start = EverySecondTasks.nextSecond().plusSeconds(1);
        tasks.insert(start);
        executor();
        claimer();
        await().atMost(FLOW).until(() -> tasks.recordCount() >= 2 * TASKS);

        kafka.restart();

        Instant end = EverySecondTasks.nextSecond().plusSeconds(3);
        await().atMost(FLOW).until(() -> tasks.recordedAt(end));
        Map<Long, List<Record>> byTask = tasks.records(start, end);
        tasks.assertNoneMissing(byTask, start, end);
        tasks.assertCalledOnceEach(byTask);
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
        TaskFireExecutor runs = new TaskFireExecutor(id -> Optional.of(EngineFixture.task(jdbc, id)), engine.executor,
                CLOCK);
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

    private static KafkaSettings withRole(KafkaSettings settings, KafkaSettings.Role role) {
        return new KafkaSettings(settings.brokers(), settings.topic(), settings.consumerGroup(),
                settings.securityProtocol(), settings.saslMechanism(), settings.username(), settings.password(), role);
    }
}
