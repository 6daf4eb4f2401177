package io.distributedjob.engine;

import java.time.Instant;

/**
 * One duty of the engine's poll round. Each runs and fails on its own: a duty that throws is logged, the others
 * still run that round, and it runs again the next.
 */
interface RoundDuty {

    /** What the duty does, for the log line of its failure. */
    String name();

    void run(Instant now);

    /** Whether the last run stopped with work left that is to go on at once rather than at the next poll. */
    default boolean leftWork() {
        return false;
    }
}
