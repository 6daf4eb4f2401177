package io.distributedjob.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.distributedjob.cron.InvalidScheduleException;
import io.distributedjob.cron.Schedule;
import io.distributedjob.cron.Schedules;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Service;

/** Previews of cron expressions: their next fire times and a description in words, for any client. */
@Service
public class CronPreviews {

    /** Most fire times one cron preview returns. */
    public static final int PREVIEW_MAX = 100;

    private final Clock clock;

    CronPreviews(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code count} fire times of {@code cron} in {@code timezone} (default: the server's zone). */
    public CronPreview preview(String cron, String timezone, Integer count) {
        int wanted = count == null ? 5 : count;
        if (wanted < 1 || wanted > PREVIEW_MAX) {
            throw ApiException.invalid("count: must be between 1 and " + PREVIEW_MAX);
        }
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? clock.getZone() : Schedules.zone(timezone);
        } catch (InvalidScheduleException e) {
            throw ApiException.invalid("timezone: " + e.getMessage());
        }
        // the stored and engine times are kept to the millisecond; the preview starts from the same now
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Instant> times = new ArrayList<>();
        String description;
        try {
            Schedule schedule = Schedules.parse(cron, zone, now);
            for (Instant next = schedule.next(now); next != null && times.size() < wanted; next = schedule.next(next)) {
                times.add(next);
            }
            description = Schedules.describe(cron);
        } catch (InvalidScheduleException e) {
            throw ApiException.invalid("cron: " + e.getMessage());
        }
        return new CronPreview(cron.strip(), zone.getId(),
                times.stream().map(t -> t.atZone(zone).toOffsetDateTime()).toList(), description);
    }
}
