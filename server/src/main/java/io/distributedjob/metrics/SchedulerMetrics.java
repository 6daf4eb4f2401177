package io.distributedjob.metrics;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What the engine, the executor and the record writer report about their work; the one place that knows the
 * names and labels of the scheduler's series. Labels are enum constants (task type, trigger, outcome), never
 * task names or ids, so every series stays low-cardinality.
 */
public interface SchedulerMetrics {

    /** A fire ended (executed, missed or skipped): {@code distributedjob_fires_total{type,trigger,outcome}}. */
    void fireEnded(Enum<?> taskType, Enum<?> trigger, FireOutcome outcome);

    /** A fire's first attempt started {@code lateness} after its scheduled instant. */
    void fireStarted(Duration lateness);

    /** An execution (all its attempts, retries and fallback) took {@code duration}. */
    void executionFinished(Enum<?> taskType, FireOutcome outcome, Duration duration);

    /** A fire ended after {@code retries} retried attempts, and {@code fellBack} if it called its fallback. */
    void retriedAndFellBack(int retries, boolean fellBack);

    /** Reports the executions holding a worker or in a call, read at each scrape. */
    void watchExecutionsRunning(IntSupplier running);

    /** One round of the engine's poll loop (its duties, then the claim) took {@code duration}. */
    void pollRound(Duration duration);

    /** A claim won {@code fires} fires for this instance. */
    void firesClaimed(int fires);

    /** Another instance's claimed fires were taken over after its lease ran out. */
    void leaseTakenOver();

    /** One batch of execution records was written in {@code duration}. */
    void recordsFlushed(Duration duration);

    /** Reports the fires waiting for a worker or for their next retry, read at each scrape. */
    void watchFiresWaiting(IntSupplier waiting);

    /** Reports the execution records waiting to be written, read at each scrape. */
    void watchRecordsPending(IntSupplier pending);

    /** Reports the instances of the cluster seen alive, read at each scrape. */
    void watchInstances(IntSupplier alive);
}
