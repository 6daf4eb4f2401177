package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;

import io.distributedjob.metrics.SchedulerMetrics;

/**
 * The claim of each poll and wake-up: what is due within the look-ahead and fits. A fenced instance claims nothing:
 * it could start none of it, and the rows would wait on it.
 */
final class ClaimingDuty implements RoundDuty {

    private final ClaimStep step;
    private final Duration lookahead;
    private final Fence fence;
    private final SchedulerMetrics metrics;

    ClaimingDuty(ClaimStep step, Duration lookahead, Fence fence, SchedulerMetrics metrics) {
        this.step = step;
        this.lookahead = lookahead;
        this.fence = fence;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "claiming";
    }

    @Override
    public void run(Instant now) {
        if (fence.closed(now)) {
            return;
        }
        metrics.firesClaimed(step.claimDue(now, now.plus(lookahead)).size());
    }
}
