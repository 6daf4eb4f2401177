package io.distributedjob.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

import io.distributedjob.execution.Fire;
import io.distributedjob.execution.FireExecutor;

/** Without Kafka: a claimed fire runs on the instance that claimed it, which answers for it until it is recorded. */
public class LocalFireDispatch implements FireDispatch {

    private final FireExecutor executor;

    public LocalFireDispatch(FireExecutor executor) {
        this.executor = executor;
    }

    @Override
    public CompletionStage<Void> dispatch(Fire fire, BooleanSupplier mayStart) {
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        executor.submit(fire, () -> recorded.complete(null), mayStart,
                () -> recorded.completeExceptionally(new NotStarted()));
        return recorded;
    }
}
