package io.distributedjob.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.config.KafkaSettings;
import io.distributedjob.support.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dispatch through a real Kafka broker (KRaft, in this JVM, from Kafka's own test kit), shared by the tests; each test
 * has a topic and consumer group of its own. The executions' "record table" is the map of written records.
 */
class KafkaDispatchTest {

    private static final int PARTITIONS = 3;
    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final Instant FIRST = Instant.parse("2026-06-01T10:00:00Z");
    private static final AtomicInteger topics = new AtomicInteger();
    private static KafkaBroker kafka;

    private final KafkaSettings settings = kafka.topic("fires-" + topics.incrementAndGet(), PARTITIONS,
            KafkaSettings.Role.BOTH);
    private final Map<String, Integer> records = new ConcurrentHashMap<>();
    private final Map<Long, List<Instant>> recordedOrder = new ConcurrentHashMap<>();
    private final RecordedFires recorded = fire -> records.containsKey(fire.fireId());
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    @Test
    void firesFlowFromClaimerToExecutorOnceEachAndInOrderPerTask() {
        KafkaFirePublisher publisher = publisher();
        List<DispatchedFire> fires = fires(3, 10);
        fires.forEach(fire -> publisher.publish(fire).join());

        KafkaFireConsumer executor = consumer("executor-1", this::record);

        await().atMost(FLOW).until(() -> records.size() == fires.size());
        assertThat(records.values()).containsOnly(1);
        recordedOrder.values().forEach(times -> assertThat(times).isSorted());
        assertThat(executor.executed()).isEqualTo(fires.size());
    }

    @Test
    void anExecutorKilledMidBatchLosesNothingAndRepeatsNothingRecorded() {
        KafkaFirePublisher publisher = publisher();
        List<DispatchedFire> fires = fires(5, 10);
        fires.forEach(fire -> publisher.publish(fire).join());
        int doneBeforeDeath = 20;
        AtomicInteger calls = new AtomicInteger();
        KafkaFireConsumer dying = consumer("executor-dying", fire -> {
            if (calls.get() >= doneBeforeDeath) {
                return new CompletableFuture<>();
            }
            calls.incrementAndGet();
            return record(fire);
        });
        await().atMost(FLOW).until(() -> records.size() == doneBeforeDeath);

        dying.close();
        KafkaFireConsumer survivor = consumer("executor-survivor", fire -> {
            calls.incrementAndGet();
            return record(fire);
        });

        await().atMost(FLOW).until(() -> records.size() == fires.size());
        assertThat(records.values()).containsOnly(1);
        assertThat(calls).hasValue(fires.size());
        assertThat(survivor.alreadyRecorded()).as("redelivered fires found recorded").isPositive();
    }

    @Test
    void dispatchSurvivesABrokerRestart() throws Exception {
        KafkaFirePublisher publisher = publisher();
        consumer("executor-1", this::record);
        List<DispatchedFire> before = fires(2, 5);
        before.forEach(fire -> publisher.publish(fire).join());
        await().atMost(FLOW).until(() -> records.size() == before.size());

        kafka.restart();

        List<DispatchedFire> after = fires(2, 5).stream()
                .map(f -> new DispatchedFire(f.taskId(), f.scheduledTime().plusSeconds(3600), f.trigger())).toList();
        after.forEach(fire -> publisher.publish(fire).join());
        await().atMost(FLOW).until(() -> records.size() == before.size() + after.size());
        assertThat(records.values()).containsOnly(1);
    }

    private CompletionStage<?> record(DispatchedFire fire) {
        records.merge(fire.fireId(), 1, Integer::sum);
        recordedOrder.computeIfAbsent(fire.taskId(), t -> new CopyOnWriteArrayList<>()).add(fire.scheduledTime());
        return CompletableFuture.completedFuture(null);
    }

    private static List<DispatchedFire> fires(int tasks, int perTask) {
        List<DispatchedFire> fires = new ArrayList<>();
        for (int second = 0; second < perTask; second++) {
            for (long task = 1; task <= tasks; task++) {
                fires.add(new DispatchedFire(task, FIRST.plusSeconds(second), "CRON"));
            }
        }
        return fires;
    }

    private KafkaFirePublisher publisher() {
        KafkaFirePublisher publisher = new KafkaFirePublisher(settings);
        open.add(publisher);
        return publisher;
    }

    private KafkaFireConsumer consumer(String clientId, DispatchedFireExecutor executor) {
        KafkaFireConsumer consumer = new KafkaFireConsumer(settings, clientId, executor, recorded,
                Duration.ofMillis(200));
        consumer.start();
        open.add(consumer);
        return consumer;
    }
}
