package io.distributedjob.execution;

import java.time.Duration;

import io.distributedjob.task.Task;

/**
 * The delivery policy every task type shares, for one fire: the primary target is called once plus
 * {@code retryCount} more times, spaced by {@code retryInterval}, until one call succeeds; if none does, the
 * fallback target (when the task has one) is called once. It only decides; the fire executor makes the calls and
 * waits the intervals on a timer, with no worker held in between.
 *
 * <p>It also owns the fire's deadline, the rule that bounds a fire as a whole: {@link #budget}.
 */
public final class RetryWithFallback {

    /**
     * Allowance per call on top of the task's timeout (the calls own deadline), for the hand-off to a worker and
     * the cancellation of a call that overran.
     */
    static final Duration CALL_ALLOWANCE = Duration.ofSeconds(1);

    /** The result of one call to a target. */
    public record Attempt(boolean success, Integer statusCode, String response, String error) {
    }

    /** Which of the task's targets a call goes to. */
    public enum Target { PRIMARY, FALLBACK }

    private final Task task;
    private final boolean hasFallback;
    private volatile int retries;
    private volatile Target next = Target.PRIMARY;
    private volatile Attempt lastPrimary;
    private volatile ExecutionOutcome outcome;

    RetryWithFallback(Task task, boolean hasFallback) {
        this.task = task;
        this.hasFallback = hasFallback;
    }

    /**
     * How long the fire may take from its first call to its record: every call its timeout plus
     * {@link #CALL_ALLOWANCE}, and every retry interval. Past it the fire ends as timed out, whatever its calls do.
     */
    Duration budget() {
        int calls = 1 + task.definition().retryCount() + (hasFallback ? 1 : 0);
        return Duration.ofSeconds(task.definition().timeout()).plus(CALL_ALLOWANCE).multipliedBy(calls)
                .plus(Duration.ofSeconds(task.definition().retryInterval()).multipliedBy(task.definition().retryCount()));
    }

    /** The target of the next call. */
    Target next() {
        return next;
    }

    /**
     * Takes the result of the call to {@link #next()}. Returns how long to wait before the next call, or null
     * when the fire is decided ({@link #outcome()}).
     */
    Duration record(Attempt attempt) {
        if (next == Target.FALLBACK) {
            String failed = "primary failed after " + (retries + 1) + " call" + (retries == 0 ? "" : "s") + ": "
                    + lastPrimary.error();
            String error = attempt.success() ? failed : failed + "; fallback failed: " + attempt.error();
            outcome = new ExecutionOutcome(attempt.success(), attempt.statusCode(), attempt.response(), error, retries,
                    true);
            return null;
        }
        lastPrimary = attempt;
        if (attempt.success()) {
            outcome = new ExecutionOutcome(true, attempt.statusCode(), attempt.response(), null, retries, false);
            return null;
        }
        if (retries < task.definition().retryCount()) {
            retries++;
            return Duration.ofSeconds(task.definition().retryInterval());
        }
        if (hasFallback) {
            next = Target.FALLBACK;
            return Duration.ZERO;
        }
        outcome = new ExecutionOutcome(false, attempt.statusCode(), attempt.response(), attempt.error(), retries, false);
        return null;
    }

    /** The decided outcome, or null while calls remain. */
    ExecutionOutcome outcome() {
        return outcome;
    }

    /** The outcome of a fire that passed its {@link #budget()}. */
    ExecutionOutcome timedOut() {
        return cutShort("timed out: the fire passed its deadline of " + budget().toSeconds() + " s (each call's timeout"
                + " plus " + CALL_ALLOWANCE.toSeconds() + " s, and the retry intervals)");
    }

    /** The outcome of a fire ended before the policy decided it (its deadline passed, the server shut down). */
    ExecutionOutcome cutShort(String error) {
        Attempt last = lastPrimary;
        return new ExecutionOutcome(false, last == null ? null : last.statusCode(), last == null ? null : last.response(),
                error, retries, next == Target.FALLBACK);
    }
}
