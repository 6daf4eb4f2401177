package io.distributedjob.dispatch;

import java.util.concurrent.CompletionStage;

/** Executes a dispatched fire on this instance. */
public interface DispatchedFireExecutor {

    /** Runs the fire's call; completes once its execution record is written (only then is the message committed). */
    CompletionStage<?> execute(DispatchedFire fire);
}
