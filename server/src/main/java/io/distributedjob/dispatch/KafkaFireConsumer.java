package io.distributedjob.dispatch;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.distributedjob.config.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes dispatched fires in the executors' consumer group and executes them. A batch's offsets are committed only
 * once every fire of it has its record written, so an executor that dies mid-batch leaves the batch to another one;
 * fires of it that are already recorded are then not executed again. One task's fires in a batch run one after the
 * other, in order; different tasks' fires run side by side.
 */
public class KafkaFireConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFireConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final DispatchedFireExecutor executor;
    private final RecordedFires recorded;
    private final Duration drainTimeout;
    private final Thread loop;
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong alreadyRecorded = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    private volatile boolean running = true;

    /**
     * @param drainTimeout how long closing waits for the current batch to be recorded; a batch not done by then is
     *                     left uncommitted, for another executor
     */
    public KafkaFireConsumer(KafkaSettings settings, String clientId, DispatchedFireExecutor executor, RecordedFires recorded,
            Duration drainTimeout) {
        this.consumer = new KafkaConsumer<>(KafkaClients.consumer(settings, clientId));
        this.topic = settings.topic();
        this.executor = executor;
        this.recorded = recorded;
        this.drainTimeout = drainTimeout;
        this.loop = Thread.ofVirtual().name("kafka-fires-" + clientId).unstarted(this::run);
    }

    public void start() {
        loop.start();
    }

    /** Fires executed by this consumer. */
    public long executed() {
        return executed.get();
    }

    /** Redelivered fires skipped because their record already existed. */
    public long alreadyRecorded() {
        return alreadyRecorded.get();
    }

    /** Messages that were no fire (skipped and committed, so they do not block the partition). */
    public long unreadable() {
        return unreadable.get();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> batch = consumer.poll(POLL_TIMEOUT);
                if (!batch.isEmpty()) {
                    executeAndCommit(batch);
                }
            }
        } catch (InterruptException | InterruptedException e) {
            log.debug("Fire consumer stopped");
        } catch (RuntimeException e) {
            log.error("Fire consumer failed; its uncommitted fires go to another executor", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void executeAndCommit(ConsumerRecords<String, String> batch) throws InterruptedException {
        Map<String, CompletableFuture<?>> byTask = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (ConsumerRecord<String, String> message : batch) {
            CompletableFuture<?> earlier = byTask.get(String.valueOf(message.key()));
            byTask.put(String.valueOf(message.key()),
                    earlier == null ? execute(message) : earlier.thenCompose(done -> execute(message)));
            TopicPartition partition = new TopicPartition(message.topic(), message.partition());
            offsets.put(partition, new OffsetAndMetadata(message.offset() + 1));
            firstOffsets.putIfAbsent(partition, message.offset());
        }
        try {
            CompletableFuture.allOf(byTask.values().toArray(CompletableFuture[]::new)).get();
            consumer.commitSync(offsets);
        } catch (ExecutionException e) {
            log.warn("A dispatched fire was not recorded; its batch is read again: {}", e.getCause().toString());
            firstOffsets.forEach(consumer::seek);
        }
    }

    /** Executes one message's fire, unless it is recorded already; a chained call runs only after the earlier one. */
    private CompletableFuture<?> execute(ConsumerRecord<String, String> message) {
        DispatchedFire fire;
        try {
            fire = DispatchedFire.decode(message.value());
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            log.warn("Skipped a message on {} that is no fire: {}", topic, e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        if (recorded.recorded(fire)) {
            alreadyRecorded.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        executed.incrementAndGet();
        return executor.execute(fire).toCompletableFuture();
    }

    /** Stops consuming: waits up to the drain timeout for the current batch, then leaves it uncommitted. */
    @Override
    public void close() {
        running = false;
        try {
            if (!loop.join(drainTimeout.plus(POLL_TIMEOUT))) {
                loop.interrupt();
                loop.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
