package io.distributedjob.record;

import java.time.LocalDate;
import java.util.List;

/**
 * Totals of a month of records: {@code successRate} in percent (0-100, two decimals), {@code avgCostTime} in
 * milliseconds, and the same counts per day of the month in the server's time zone.
 */
public record RecordStats(long total, long success, long fail, double successRate, double avgCostTime, List<Day> daily) {

    public record Day(LocalDate date, long total, long success, long fail) {
    }
}
