package io.distributedjob.execution;

import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.task.Task;

/**
 * Makes the calls of one task type. Blocking is fine: each call runs on a virtual thread of its own, and the
 * fire executor spaces retries and calls the fallback ({@link RetryWithFallback}).
 */
public interface TaskExecutor {

    TaskType type();

    /** Whether {@code task} names a fallback target. */
    boolean hasFallback(Task task);

    /** Where a call to {@code target} goes: a URL, or for gRPC {@code <address>/<package.Service>/<Method>}. */
    String address(Task task, Target target);

    /**
     * One call of {@code fire} to its primary or fallback target, within the task's timeout; never throws for a
     * failure of the target. An interrupt means the fire has ended (its deadline passed, or the server stopped).
     */
    Attempt call(Fire fire, Target target) throws InterruptedException;
}
