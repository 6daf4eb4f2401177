package io.distributedjob.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.distributedjob.metrics.SchedulerMetrics;

/**
 * The claim of each poll and wake-up: what is due within the look-ahead and fits. A fenced instance claims nothing:
 * it could start none of it, and the rows would wait on it. A claim lasts at most a poll interval; the loop goes on
 * at once after one cut short, with the round duties (the heartbeat first) that came due meanwhile.
 */
final class ClaimingDuty implements RoundDuty {

    private final Clock clock;
    private final ClaimStep step;
    private final Duration lookahead;
    private final Duration budget;
    private final Fence fence;
    private final SchedulerMetrics metrics;
    /** The last run claimed and stopped for time; false when fenced, so that a fenced loop waits for its poll. */
    private boolean cutShort;

    ClaimingDuty(Clock clock, ClaimStep step, Duration lookahead, Duration budget, Fence fence,
                 SchedulerMetrics metrics) {
        this.clock = clock;
        this.step = step;
        this.lookahead = lookahead;
        this.budget = budget;
        this.fence = fence;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "claiming";
    }

    @Override
    public void run(Instant now) {
        cutShort = false;
        if (fence.closed(now)) {
            return;
        }
        Instant until = clock.instant().plus(budget);
        metrics.firesClaimed(step.claimDue(now, now.plus(lookahead), () -> !clock.instant().isBefore(until)).size());
        cutShort = step.cutShort();
    }

    @Override
    public boolean leftWork() {
        return cutShort;
    }
}
