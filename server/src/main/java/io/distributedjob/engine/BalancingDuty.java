package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the instances' shares of the scheduled tasks even. A task stays with the instance that claimed it while
 * that instance has fires of it unrecorded, so an instance holding more than its share (it started first, or
 * others joined) stops claiming the surplus and, once each such task's fires are recorded, ends its lease; it
 * then leaves those tasks to the others for a few polls.
 */
final class BalancingDuty implements RoundDuty {

    private static final Logger log = LoggerFactory.getLogger(BalancingDuty.class);
    /** An instance may hold this fraction (1/n) of its share more before it hands tasks over. */
    private static final int SLACK_DIVISOR = 10;
    /** Polls during which a handed-over task is left to the other instances. */
    private static final int HAND_OVER_POLLS = 3;

    private final EngineInstances instances;
    private final ClaimStore store;
    private final HeldFires held;
    private final Duration lease;
    private final Duration pollInterval;

    BalancingDuty(EngineInstances instances, ClaimStore store, HeldFires held, Duration lease,
                  Duration pollInterval) {
        this.instances = instances;
        this.store = store;
        this.held = held;
        this.lease = lease;
        this.pollInterval = pollInterval;
    }

    @Override
    public String name() {
        return "balancing";
    }

    @Override
    public void run(Instant now) {
        LeasedRows leased = held.leased();
        long live = Math.max(1, instances.countAlive(now.minus(lease)));
        long share = (store.countScheduled() + live - 1) / live;
        long slack = Math.max(1, share / SLACK_DIVISOR);
        leased.markLeaving(leased.size() - share - slack);
        int released = held.releaseLeaving(now.plus(pollInterval.multipliedBy(HAND_OVER_POLLS)));
        if (released > 0) {
            log.info("Handed {} tasks over to other instances ({} live, share {})", released, live, share);
        }
    }
}
