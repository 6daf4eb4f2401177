package io.distributedjob.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

import io.distributedjob.config.KafkaSettings;
import io.distributedjob.execution.Fire;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes due fires to {@code kafka.topic}, keyed by task id. */
public class KafkaFirePublisher implements FireDispatch, AutoCloseable {

    private final Producer<String, String> producer;
    private final String topic;

    public KafkaFirePublisher(KafkaSettings settings) {
        this.producer = new KafkaProducer<>(KafkaClients.producer(settings));
        this.topic = settings.topic();
    }

    /**
     * Publishes the fire for the executors: handed on once the broker has it in all in-sync replicas. Nothing
     * waits here, so {@code mayStart} has been answered by the claimer just before.
     */
    @Override
    public CompletionStage<Void> dispatch(Fire fire, BooleanSupplier mayStart) {
        return publish(new DispatchedFire(fire.task().id(), fire.scheduledTime(), fire.trigger().name()));
    }

    /** Completes once the broker has the fire safely (all in-sync replicas), fails otherwise. */
    public CompletableFuture<Void> publish(DispatchedFire fire) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, fire.key(), fire.encode()), (metadata, error) -> {
            if (error == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(error);
            }
        });
        return acknowledged;
    }

    @Override
    public void close() {
        producer.close();
    }
}
