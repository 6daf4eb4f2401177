package io.distributedjob.cron;

import java.time.Instant;

/** When a task fires: a cron expression in a time zone, or a fixed period. */
public interface Schedule {

    /** The first fire strictly after {@code after}, or null if the schedule never fires again. */
    Instant next(Instant after);
}
