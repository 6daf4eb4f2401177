package io.distributedjob.dispatch;

import java.time.Duration;
import java.time.Instant;

import io.distributedjob.config.KafkaSettings;
import io.distributedjob.lifecycle.Drainable;
import io.distributedjob.record.RecordWriter;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;

/**
 * This instance's share of the executors' consumer group, when {@code kafka.brokers} is set and {@code kafka.role}
 * lets it execute (otherwise it does nothing). On a shutdown it
 * stops consuming first, before the executor refuses fires: a fire consumed and then refused would be recorded as
 * not run, while a fire left unconsumed (its batch uncommitted) simply goes to another executor.
 */
public class KafkaExecution implements SmartLifecycle, Drainable, Ordered {

    private final KafkaSettings settings;
    /** How long stopping waits for the current batch to be recorded, so that it is committed, not redelivered. */
    private final Duration drain;
    private final String clientId;
    private final DispatchedFireExecutor executor;
    private final RecordedFires recorded;
    private KafkaFireConsumer consumer;

    public KafkaExecution(KafkaSettings settings, String clientId, DispatchedFireExecutor executor,
                          RecordedFires recorded, Duration drain) {
        this.settings = settings;
        this.drain = drain;
        this.clientId = clientId;
        this.executor = executor;
        this.recorded = recorded;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || !settings.role().executes()) {
            return;
        }
        consumer = new KafkaFireConsumer(settings, clientId, executor, recorded, drain);
        consumer.start();
    }

    @Override
    public synchronized void stop() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return consumer != null;
    }

    /** Stops after the engine's claims (higher phases stop first), before the record writer. */
    @Override
    public int getPhase() {
        return RecordWriter.PHASE + 2;
    }

    @Override
    public void stopAccepting() {
        stop();
    }

    @Override
    public boolean awaitIdle(Instant deadline) {
        return true;
    }

    /** First among the drainables, so consuming stops before the executor refuses fires. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
