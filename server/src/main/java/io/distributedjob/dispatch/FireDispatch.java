package io.distributedjob.dispatch;

import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

import io.distributedjob.execution.Fire;

/**
 * Where a claimed fire goes at its instant: this instance's executor, or the Kafka topic the executing instances
 * consume. The claimer answers for the fire until the stage completes.
 */
public interface FireDispatch {

    /**
     * Hands the fire on; completes once it is no longer the claimer's to answer for (recorded here, or acknowledged
     * by the broker), fails if it could not be handed on (the claimer then hands it back to the database).
     * {@code mayStart} is asked again where the fire waits on this instance before it starts; if it says no, the
     * fire does not start and the stage fails with {@link NotStarted}.
     */
    CompletionStage<Void> dispatch(Fire fire, BooleanSupplier mayStart);

    /** The fire waited here for a worker and, when one was free, was no longer allowed to start. */
    final class NotStarted extends RuntimeException {

        public NotStarted() {
            super("not started: the claimer's lease could not be proven when a worker was free", null, false, false);
        }
    }
}
