package io.distributedjob.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Thursday 1 January 2026, midnight UTC. */
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void cronFiresOnWholeSecondsWhateverTheInstantItIsAskedFrom() {
        Schedule everySecond = Schedules.parse("* * * * * *", UTC, START);
        assertThat(everySecond.next(Instant.parse("2026-01-01T00:00:15.133Z"))).isEqualTo(Instant.parse("2026-01-01T00:00:16Z"));
        assertThat(everySecond.next(Instant.parse("2026-01-01T00:00:15.999Z"))).isEqualTo(Instant.parse("2026-01-01T00:00:16Z"));
        assertThat(everySecond.next(Instant.parse("2026-01-01T00:00:16Z"))).isEqualTo(Instant.parse("2026-01-01T00:00:17Z"));
    }

    @Test
    void fiveFieldsCountMinutesFirst() {
        assertThat(fires("*/15 9-17 * * 1-5", UTC, START, 3))
                .containsExactly("2026-01-01T09:00:00Z", "2026-01-01T09:15:00Z", "2026-01-01T09:30:00Z");
    }

    @Test
    void sixFieldsCountSecondsFirst() {
        assertThat(fires("*/20 * * * * *", UTC, START, 3))
                .containsExactly("2026-01-01T00:00:20Z", "2026-01-01T00:00:40Z", "2026-01-01T00:01:00Z");
    }

    @Test
    void cronFiresOnWholeSecondsWhateverTheInstantItIsComputedFrom() {
        Instant withMillis = Instant.parse("2026-01-01T00:00:00.941Z");
        assertThat(fires("* * * * * *", ZoneId.of("Asia/Shanghai"), withMillis, 2))
                .containsExactly("2026-01-01T00:00:01Z", "2026-01-01T00:00:02Z");
        assertThat(fires("* * * * *", UTC, Instant.parse("2026-01-01T00:00:59.999Z"), 1))
                .containsExactly("2026-01-01T00:01:00Z");
    }

    @Test
    void namesListsAndQuestionMark() {
        assertThat(fires("0 0 12 ? JAN,MAR MON-FRI", UTC, START, 3))
                .containsExactly("2026-01-01T12:00:00Z", "2026-01-02T12:00:00Z", "2026-01-05T12:00:00Z");
        assertThat(fires("0 12 * * sat,sun", UTC, START, 2))
                .containsExactly("2026-01-03T12:00:00Z", "2026-01-04T12:00:00Z");
    }

    @Test
    void lastDayNearestWeekdayAndNthWeekday() {
        assertThat(fires("0 0 L * *", UTC, START, 2)).containsExactly("2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z");
        // 15 February 2026 is a Sunday: the nearest weekday is Monday 16th
        assertThat(fires("0 0 15W * ?", UTC, Instant.parse("2026-02-01T00:00:00Z"), 1))
                .containsExactly("2026-02-16T00:00:00Z");
        assertThat(fires("0 0 * * FRI#3", UTC, START, 2)).containsExactly("2026-01-16T00:00:00Z", "2026-02-20T00:00:00Z");
        assertThat(fires("0 0 * * 5L", UTC, START, 1)).containsExactly("2026-01-30T00:00:00Z");
    }

    @Test
    void sundayIsZeroOrSeven() {
        assertThat(fires("0 0 * * 0", UTC, START, 1)).containsExactly("2026-01-04T00:00:00Z");
        assertThat(fires("0 0 * * 7", UTC, START, 1)).containsExactly("2026-01-04T00:00:00Z");
    }

    @Test
    void dayOfMonthAndDayOfWeekTogetherMeanEither() {
        // the 13th of each month, and every Friday
        assertThat(fires("0 0 13 * FRI", UTC, START, 4)).containsExactly(
                "2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-13T00:00:00Z", "2026-01-16T00:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
            "@yearly, 2027-01-01T00:00:00Z",
            "@annually, 2027-01-01T00:00:00Z",
            "@monthly, 2026-02-01T00:00:00Z",
            "@weekly, 2026-01-04T00:00:00Z",
            "@daily, 2026-01-02T00:00:00Z",
            "@midnight, 2026-01-02T00:00:00Z",
            "@hourly, 2026-01-01T01:00:00Z"})
    void macros(String macro, String expected) {
        assertThat(fires(macro, UTC, START, 1)).containsExactly(expected);
    }

    @Test
    void everyRunsOnAFixedGridFromItsAnchor() {
        Instant anchor = Instant.parse("2026-01-01T00:00:00.250Z");
        Schedule every = Schedules.parse("@every 30s", UTC, anchor);
        assertThat(every.next(Instant.parse("2025-12-31T00:00:00Z"))).isEqualTo(anchor);
        assertThat(every.next(anchor)).isEqualTo(Instant.parse("2026-01-01T00:00:30.250Z"));
        // a late evaluation does not shift the grid
        assertThat(every.next(Instant.parse("2026-01-01T00:01:10Z"))).isEqualTo(Instant.parse("2026-01-01T00:01:30.250Z"));
        assertThat(Schedules.parse("@every 1h30m", UTC, START).next(START)).isEqualTo(Instant.parse("2026-01-01T01:30:00Z"));
        assertThat(Schedules.parse("@every 1500ms", UTC, START).next(START)).isEqualTo(Instant.parse("2026-01-01T00:00:01.500Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "* * * *", "* * * * * * *", "61 * * * *", "* 25 * * *", "0 0 32 * *",
            "0 0 * 13 *", "0 0 * * 8", "0 0 * * FUN", "@sometimes", "@every", "@every 500ms", "@every 0s",
            "@every 10x", "@every 367d", "0 0 30 2 *"})
    void rejectsInvalidExpressions(String expression) {
        assertThatThrownBy(() -> Schedules.validate(expression, UTC, START))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void rejectsUnknownTimeZones() {
        assertThatThrownBy(() -> Schedules.zone("Mars/Olympus")).isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("Mars/Olympus");
        assertThat(Schedules.zone("Asia/Shanghai")).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void describesExpressionsInWords() {
        assertThat(Schedules.describe("*/5 * * * * *")).isEqualTo("every 5 seconds");
        assertThat(Schedules.describe("@every 90s")).isEqualTo("every 1 minute 30 seconds");
        assertThat(Schedules.describe("0 12 * * MON-FRI")).contains("12:00").contains("Monday").contains("Friday");
    }

    @Test
    void firesOnTheWallClockOfTheTaskTimeZone() {
        assertThat(fires("0 9 * * *", ZoneId.of("Asia/Shanghai"), START, 1)).containsExactly("2026-01-01T01:00:00Z");
        assertThat(fires("0 9 * * *", NEW_YORK, START, 1)).containsExactly("2026-01-01T14:00:00Z");
    }

    @Test
    void springForwardGapShiftsTheRunLater() {
        // 8 March 2026: New York clocks jump from 02:00 EST to 03:00 EDT; 02:30 does not exist that day
        Instant before = local("2026-03-07T12:00", NEW_YORK);
        assertThat(fires("30 2 * * *", NEW_YORK, before, 2)).containsExactly(
                "2026-03-08T07:30:00Z", // 03:30 EDT, shifted by the hour of the gap
                "2026-03-09T06:30:00Z"); // 02:30 EDT the next day
    }

    @Test
    void frequentFiresSkipTheMissingHourWithoutDoubling() {
        Instant before = local("2026-03-08T01:00", NEW_YORK);
        assertThat(fires("*/30 * * * *", NEW_YORK, before, 3)).containsExactly(
                "2026-03-08T06:30:00Z", // 01:30 EST
                "2026-03-08T07:00:00Z", // 02:00 local is 03:00 EDT
                "2026-03-08T07:30:00Z"); // 03:30 EDT
    }

    @Test
    void autumnOverlapRunsOnce() {
        // 1 November 2026: New York clocks fall back from 02:00 EDT to 01:00 EST; 01:30 happens twice
        Instant before = local("2026-10-31T12:00", NEW_YORK);
        assertThat(fires("30 1 * * *", NEW_YORK, before, 2)).containsExactly(
                "2026-11-01T05:30:00Z", // 01:30 EDT, the first occurrence only
                "2026-11-02T06:30:00Z"); // 01:30 EST the next day
        assertThat(fires("0 * * * *", NEW_YORK, local("2026-11-01T00:30", NEW_YORK), 3)).containsExactly(
                "2026-11-01T05:00:00Z", // 01:00 EDT
                "2026-11-01T07:00:00Z", // 02:00 EST: local 01:00 is not repeated
                "2026-11-01T08:00:00Z");
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private static List<String> fires(String expression, ZoneId zone, Instant after, int count) {
        Schedule schedule = Schedules.parse(expression, zone, after);
        List<String> fires = new ArrayList<>();
        Instant next = after;
        for (int i = 0; i < count; i++) {
            next = schedule.next(next);
            fires.add(next.toString());
        }
        return fires;
    }
}
