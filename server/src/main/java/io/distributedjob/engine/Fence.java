package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;

import io.distributedjob.cluster.Fencing;

/**
 * Whether this instance may start the fires it claimed. Once its heartbeat has not been renewed for a lease,
 * another instance may take its rows over and run those fires; from then until the next renewal it starts none.
 * The cluster (etcd, when configured) fences it too: while its etcd lease cannot be proven valid, and after that
 * until the fires it held then are handed back, since the others may have taken its rows over meanwhile.
 */
final class Fence {

    private final Duration lease;
    private final Fencing cluster;
    private volatile Instant renewed;
    private volatile boolean clusterFenceUnsettled;

    Fence(Duration lease, Instant registered, Fencing cluster) {
        this.lease = lease;
        this.renewed = registered;
        this.cluster = cluster;
        cluster.onChange(new Fencing.Listener() {
            @Override
            public void fenced() {
                clusterFenceUnsettled = true;
            }

            @Override
            public void restored() {
                // Settled by the heartbeat duty, once the fires held while fenced are handed back.
            }
        });
    }

    /** The cluster fenced this instance and has restored it: the fires it holds must be handed back first. */
    boolean clusterFenceLifted() {
        return clusterFenceUnsettled && !cluster.fenced();
    }

    void clusterFenceSettled() {
        clusterFenceUnsettled = false;
    }

    /** The heartbeat written at {@code at} was committed. */
    void renewed(Instant at) {
        renewed = at;
    }

    boolean closed(Instant now) {
        return heartbeatLapsed(now) || clusterFenceUnsettled || cluster.fenced();
    }

    /** No heartbeat was committed for a lease: the database is out of reach, or this instance stalled. */
    boolean heartbeatLapsed(Instant now) {
        return now.isAfter(renewed.plus(lease));
    }
}
