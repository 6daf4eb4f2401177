package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;

/** The claim of each poll and wake-up: what is due within the look-ahead and fits. */
final class ClaimingDuty implements RoundDuty {

    private final ClaimStep step;
    private final Duration lookahead;

    ClaimingDuty(ClaimStep step, Duration lookahead) {
        this.step = step;
        this.lookahead = lookahead;
    }

    @Override
    public String name() {
        return "claiming";
    }

    @Override
    public void run(Instant now) {
        step.claimDue(now, now.plus(lookahead));
    }
}
