package io.distributedjob.cron;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code @every <duration>}: fires at a fixed rate on the grid {@code anchor + k * period}, so a fire that runs
 * late never shifts the ones after it, and tasks created at different moments spread over the period.
 */
record EverySchedule(Duration period, Instant anchor) implements Schedule {

    @Override
    public Instant next(Instant after) {
        if (after.isBefore(anchor)) {
            return anchor;
        }
        long periodMillis = period.toMillis();
        long elapsed = after.toEpochMilli() - anchor.toEpochMilli();
        return anchor.plusMillis((elapsed / periodMillis + 1) * periodMillis);
    }
}
