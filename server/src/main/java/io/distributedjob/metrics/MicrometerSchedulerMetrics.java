package io.distributedjob.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** {@link SchedulerMetrics} as Micrometer meters, exported by the Prometheus registry behind {@code /metrics}. */
@Component
public class MicrometerSchedulerMetrics implements SchedulerMetrics {

    /** Histogram buckets for lateness: from timer jitter up to the default misfire threshold. */
    private static final Duration[] LATENESS_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
            10, 30, 60);
    /** Histogram buckets for executions: fast HTTP calls up to the longest usual timeouts. */
    private static final Duration[] EXECUTION_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
            5, 10, 30, 60, 300);
    private static final Duration[] SHORT_WORK_BUCKETS = seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
            0.25, 0.5, 1, 2.5, 5);

    private final MeterRegistry registry;
    private final Timer lateness;
    private final Counter retries;
    private final Counter fallbacks;
    private final Timer pollRounds;
    private final Counter claimedFires;
    private final Counter leaseTakeovers;
    private final Timer recordFlushes;
    /**
     * The tagged meters of fires, by their tags: looked up here rather than built and registered again, which
     * costs a sort of the tags and a registry lookup on each of the thousands of fires a second.
     */
    private final Map<FireTags, Counter> firesEnded = new ConcurrentHashMap<>();
    private final Map<FireTags, Timer> executions = new ConcurrentHashMap<>();

    public MicrometerSchedulerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lateness = Timer.builder("distributedjob.fire.lateness")
                .description("Start of a fire's first attempt minus its scheduled instant")
                .serviceLevelObjectives(LATENESS_BUCKETS).register(registry);
        this.retries = Counter.builder("distributedjob.retries").description("Retried attempts").register(registry);
        this.fallbacks = Counter.builder("distributedjob.fallbacks").description("Calls of a fallback target")
                .register(registry);
        this.pollRounds = Timer.builder("distributedjob.poll.round.duration")
                .description("One round of the engine's poll loop").serviceLevelObjectives(SHORT_WORK_BUCKETS)
                .register(registry);
        this.claimedFires = Counter.builder("distributedjob.claimed.fires").description("Fires claimed by this instance")
                .register(registry);
        this.leaseTakeovers = Counter.builder("distributedjob.lease.takeovers")
                .description("Silent instances whose claimed fires this instance took over").register(registry);
        this.recordFlushes = Timer.builder("distributedjob.record.flush.duration")
                .description("Writing one batch of execution records").serviceLevelObjectives(SHORT_WORK_BUCKETS)
                .register(registry);
    }

    @Override
    public void fireEnded(Enum<?> taskType, Enum<?> trigger, FireOutcome outcome) {
        firesEnded.computeIfAbsent(new FireTags(taskType, trigger, outcome), tags -> Counter
                .builder("distributedjob.fires").description("Fires that ended, by outcome")
                .tag("type", taskType.name()).tag("trigger", trigger.name()).tag("outcome", outcome.label())
                .register(registry)).increment();
    }

    @Override
    public void fireStarted(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    @Override
    public void executionFinished(Enum<?> taskType, FireOutcome outcome, Duration duration) {
        executions.computeIfAbsent(new FireTags(taskType, null, outcome), tags -> Timer
                .builder("distributedjob.execution.duration").description("An execution with its retries and fallback")
                .tag("type", taskType.name()).tag("outcome", outcome.label())
                .serviceLevelObjectives(EXECUTION_BUCKETS).register(registry)).record(duration);
    }

    @Override
    public void retriedAndFellBack(int retried, boolean fellBack) {
        retries.increment(retried);
        if (fellBack) {
            fallbacks.increment();
        }
    }

    @Override
    public void watchExecutionsRunning(IntSupplier running) {
        Gauge.builder("distributedjob.executions.running", running, IntSupplier::getAsInt)
                .description("Fires of this instance started and not ended, less those waiting for a retry")
                .strongReference(true).register(registry);
    }

    @Override
    public void pollRound(Duration duration) {
        pollRounds.record(duration);
    }

    @Override
    public void firesClaimed(int fires) {
        claimedFires.increment(fires);
    }

    @Override
    public void leaseTakenOver() {
        leaseTakeovers.increment();
    }

    @Override
    public void recordsFlushed(Duration duration) {
        recordFlushes.record(duration);
    }

    @Override
    public void watchFiresWaiting(IntSupplier waiting) {
        Gauge.builder("distributedjob.fires.waiting", waiting, IntSupplier::getAsInt)
                .description("Fires waiting for a worker or for their next retry").strongReference(true)
                .register(registry);
    }

    @Override
    public void watchRecordsPending(IntSupplier pending) {
        Gauge.builder("distributedjob.records.pending", pending, IntSupplier::getAsInt)
                .description("Execution records waiting to be written").strongReference(true).register(registry);
    }

    @Override
    public void watchInstances(IntSupplier alive) {
        Gauge.builder("distributedjob.instances", alive, IntSupplier::getAsInt)
                .description("Instances of the cluster with a heartbeat within one lease").strongReference(true)
                .register(registry);
    }

    private static Duration[] seconds(double... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(bounds[i] * 1e9));
        }
        return durations;
    }

    /** The tags of a fire's meters; {@code trigger} null where a meter has no such tag. */
    private record FireTags(Enum<?> taskType, Enum<?> trigger, FireOutcome outcome) {
    }
}
