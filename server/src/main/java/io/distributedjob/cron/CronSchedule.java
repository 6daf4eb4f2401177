package io.distributedjob.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.cronutils.model.time.ExecutionTime;

/**
 * A cron expression evaluated on the wall clock of a time zone. The expression is walked in local time (where
 * there is no daylight-saving time) and each local fire is then placed in the zone: a local time that falls in a
 * spring-forward gap moves later by the length of the gap, and a local time that occurs twice in an autumn
 * overlap fires once, at its first occurrence.
 *
 * <p>When both day-of-month and day-of-week are restricted, a day matching either fires, as in Unix cron;
 * {@code alternatives} then holds one execution time per field.
 */
final class CronSchedule implements Schedule {

    /** Local fires that land before {@code after} in zone terms can only repeat a few times (one overlap). */
    private static final int MAX_STEPS = 8;

    private final List<ExecutionTime> alternatives;
    private final ZoneId zone;

    CronSchedule(List<ExecutionTime> alternatives, ZoneId zone) {
        this.alternatives = alternatives;
        this.zone = zone;
    }

    @Override
    public Instant next(Instant after) {
        ZoneOffset offsetAfter = zone.getRules().getOffset(after);
        // cron counts whole seconds: a fire never inherits the fraction of the instant it is computed from
        LocalDateTime local = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS);
        for (int step = 0; step < MAX_STEPS; step++) {
            LocalDateTime candidate = nextLocal(local);
            if (candidate == null) {
                return null;
            }
            Instant fire = ZonedDateTime.ofLocal(candidate, zone, offsetAfter).toInstant();
            if (fire.isAfter(after)) {
                return fire;
            }
            local = candidate;
        }
        return null;
    }

    private LocalDateTime nextLocal(LocalDateTime after) {
        ZonedDateTime wallClock = after.atZone(ZoneOffset.UTC);
        LocalDateTime earliest = null;
        for (ExecutionTime execution : alternatives) {
            Optional<ZonedDateTime> next = execution.nextExecution(wallClock);
            if (next.isPresent()) {
                LocalDateTime candidate = next.get().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
                if (earliest == null || candidate.isBefore(earliest)) {
                    earliest = candidate;
                }
            }
        }
        return earliest;
    }
}
