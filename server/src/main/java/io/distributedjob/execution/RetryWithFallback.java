package io.distributedjob.execution;

import java.time.Duration;

import io.distributedjob.task.Task;

/**
 * The delivery policy every task type shares: the primary target is called once plus {@code retryCount} more
 * times, spaced by {@code retryInterval}, until one call succeeds; if none does, the fallback target (when the
 * task has one) is called once.
 */
public final class RetryWithFallback {

    /** The result of one call to a target. */
    public record Attempt(boolean success, Integer statusCode, String response, String error) {
    }

    /** One call to a target. */
    @FunctionalInterface
    public interface Call {
        Attempt call() throws InterruptedException;
    }

    private RetryWithFallback() {
    }

    /** Runs the policy; {@code fallback} is null when the task has no fallback target. */
    public static ExecutionOutcome run(Task task, Call primary, Call fallback) throws InterruptedException {
        Attempt last = primary.call();
        int retries = 0;
        while (!last.success() && retries < task.retryCount()) {
            Thread.sleep(Duration.ofSeconds(task.retryInterval()));
            retries++;
            last = primary.call();
        }
        if (last.success()) {
            return new ExecutionOutcome(true, last.statusCode(), last.response(), null, retries, false);
        }
        if (fallback == null) {
            return new ExecutionOutcome(false, last.statusCode(), last.response(), last.error(), retries, false);
        }
        Attempt backup = fallback.call();
        String failed = "primary failed after " + (retries + 1) + " call" + (retries == 0 ? "" : "s") + ": " + last.error();
        String error = backup.success() ? failed : failed + "; fallback failed: " + backup.error();
        return new ExecutionOutcome(backup.success(), backup.statusCode(), backup.response(), error, retries, true);
    }
}
