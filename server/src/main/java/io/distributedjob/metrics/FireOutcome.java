package io.distributedjob.metrics;

/** How a fire ended, as the {@code outcome} label of the scheduler's series. */
public enum FireOutcome {
    SUCCESS, FAILED, TIMEOUT, MISSED, SKIPPED;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
