package io.distributedjob.alert;

/**
 * When a rule raises an alert. {@code threshold} of a rule means: failures in a row for
 * {@link #CONSECUTIVE_FAILURES}, grace seconds for {@link #MISSED_FIRE}; the other kinds take none.
 */
public enum AlertKind {
    /** A fire ended failed, after its retries and fallback. */
    FAILURE,
    /** The task's last {@code threshold} fires all failed. */
    CONSECUTIVE_FAILURES,
    /** An enabled task's next fire has not started {@code threshold} seconds after its scheduled instant. */
    MISSED_FIRE,
    /** The first success after a failure that was alerted. */
    RECOVERY;

    boolean takesThreshold() {
        return this == CONSECUTIVE_FAILURES || this == MISSED_FIRE;
    }

    /** Whether alerting this kind makes the next success a recovery. */
    boolean reportsTrouble() {
        return this != RECOVERY;
    }
}
