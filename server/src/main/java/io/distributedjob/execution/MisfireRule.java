package io.distributedjob.execution;

import java.time.Duration;
import java.time.Instant;

/**
 * When a fire counts as missed: it starts, or is claimed, later than {@code job.misfireThresholdSeconds} after its
 * scheduled instant. Its task's {@code misfirePolicy} then decides: {@code SKIP} records it as missed without a
 * call, {@code FIRE_ONCE} runs it once with trigger {@code MISFIRE}. The claim applies it to a task nobody ran for
 * that long, the fire executor to a fire that waited that long for a worker.
 */
public final class MisfireRule {

    private MisfireRule() {
    }

    public static boolean missed(Instant scheduled, Instant now, Duration threshold) {
        return scheduled.isBefore(now.minus(threshold));
    }

    /** The outcome of a fire that waited for a worker past the threshold, under {@code SKIP}. */
    static ExecutionOutcome skippedAfterWaiting(Instant scheduled, Instant now) {
        return ExecutionOutcome.failure("missed: a worker was free only " + Duration.between(scheduled, now).toSeconds()
                + " s after the scheduled time, beyond job.misfireThresholdSeconds (misfirePolicy SKIP)");
    }
}
