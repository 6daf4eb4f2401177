package io.distributedjob.lifecycle;

import java.time.Instant;

/**
 * A component that does work which must not be cut off by a shutdown: it stops taking new work when told,
 * then lets what is running finish until the deadline.
 */
public interface Drainable {

    /** Stop accepting new work; hand back anything claimed but not started so other instances can take it. */
    void stopAccepting();

    /** Wait until running work has finished or the deadline passes; returns whether everything finished. */
    boolean awaitIdle(Instant deadline) throws InterruptedException;
}
