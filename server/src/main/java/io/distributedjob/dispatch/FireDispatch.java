package io.distributedjob.dispatch;

import java.util.concurrent.CompletionStage;

import io.distributedjob.execution.Fire;

/**
 * Where a claimed fire goes at its instant: this instance's executor, or the Kafka topic the executing instances
 * consume. The claimer answers for the fire until the stage completes.
 */
public interface FireDispatch {

    /**
     * Hands the fire on; completes once it is no longer the claimer's to answer for (recorded here, or acknowledged
     * by the broker), fails if it could not be handed on (the claimer then hands it back to the database).
     */
    CompletionStage<Void> dispatch(Fire fire);
}
