package io.distributedjob.dispatch;

import java.util.concurrent.CompletableFuture;

/** Hands due fires from the claiming instances to the executing ones. */
public interface FireDispatch {

    /** Publishes a fire; completes once the broker has it safely (all in-sync replicas), fails otherwise. */
    CompletableFuture<Void> publish(DispatchedFire fire);
}
