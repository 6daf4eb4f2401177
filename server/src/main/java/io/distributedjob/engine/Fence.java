package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether this instance may start the fires it claimed. Once its heartbeat has not been renewed for a lease,
 * another instance may take its rows over and run those fires; from then until the next renewal it starts none.
 */
final class Fence {

    private final Duration lease;
    private volatile Instant renewed;

    Fence(Duration lease, Instant registered) {
        this.lease = lease;
        this.renewed = registered;
    }

    /** The heartbeat written at {@code at} was committed. */
    void renewed(Instant at) {
        renewed = at;
    }

    boolean closed(Instant now) {
        return now.isAfter(renewed.plus(lease));
    }
}
