package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Every half lease: takes over the fires of instances that fell silent, and forgets deletions every instance
 * has seen.
 */
final class ReapingDuty implements RoundDuty {

    /** How long a deletion is remembered for the other instances: far longer than any of their poll rounds. */
    static final Duration DELETIONS_KEPT = Duration.ofHours(1);

    private final LeaseReaper reaper;
    private final ClaimStore store;
    private final Duration interval;
    private Instant next = Instant.MIN;

    ReapingDuty(LeaseReaper reaper, ClaimStore store, Duration lease) {
        this.reaper = reaper;
        this.store = store;
        this.interval = lease.dividedBy(2);
    }

    @Override
    public String name() {
        return "taking over from silent instances";
    }

    @Override
    public void run(Instant now) {
        if (now.isBefore(next)) {
            return;
        }
        next = now.plus(interval);
        reaper.reap(now);
        store.forgetDeletions(now.minus(DELETIONS_KEPT));
    }
}
