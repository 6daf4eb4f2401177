package io.distributedjob.auth;

import java.time.Duration;
import java.util.List;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;

/**
 * Counts attempts (logins, refreshes) per key within a sliding window, atomically: an attempt is admitted only
 * while every one of its keys is below its limit, and counted before the work it guards is done, so a parallel
 * burst gets no further than the limit. A key whose window is full is locked for its lock time. With Redis the
 * counts are shared by every instance.
 */
interface AttemptLimiter {

    /**
     * Counts the attempt {@code attemptId} under every quota's key, or none of them: refused when a key is locked
     * or its window already holds {@code max} attempts (which starts its lock).
     */
    Admission admit(String attemptId, List<Quota> quotas);

    /** Takes one admitted attempt back out of a key's window (it turned out not to count, such as a good login). */
    void release(String key, String attemptId);

    /** Forgets a key's attempts (not its lock). */
    void forget(String key);

    /**
     * At most {@code max} attempts under {@code key} within {@code window}; the attempt after them locks the key
     * for {@code lock}.
     */
    record Quota(String key, int max, Duration window, Duration lock) {
    }

    /**
     * @param admitted   whether the attempt was counted and may go on
     * @param retryAfter when refused, how long until the key that refused it opens again
     * @param lockedKey  when this very attempt started a lock, the key it locked; null otherwise, so a lock is
     *                   reported once however many attempts it refuses
     */
    record Admission(boolean admitted, Duration retryAfter, String lockedKey) {

        static final Admission ADMITTED = new Admission(true, Duration.ZERO, null);

        static Admission refused(Duration retryAfter, String lockedKey) {
            return new Admission(false, retryAfter, lockedKey);
        }

        /** The 429 of a refused attempt: "too many {@code attempts}", and the whole seconds (at least 1) to wait. */
        ApiException refusal(String attempts) {
            long seconds = Math.max(1, retryAfter.toSeconds());
            return new ApiException(ErrorCode.TOO_MANY_REQUESTS,
                    "too many " + attempts + ": try again in " + seconds + " seconds");
        }
    }
}
