package io.distributedjob.execution;

import io.distributedjob.task.TaskType;

/** Runs the fires of one task type. Blocking is fine: each fire runs on its own virtual thread. */
public interface TaskExecutor {

    TaskType type();

    /** Runs {@code fire} with its retries and fallback; never throws for a failure of the target. */
    ExecutionOutcome execute(Fire fire) throws InterruptedException;
}
