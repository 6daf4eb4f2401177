package io.distributedjob.record;

import java.time.YearMonth;

/**
 * The {@code year} and {@code month} query parameters naming the month table a record is in, bound by name;
 * both are required, checked by {@link #yearMonth()}.
 */
public record RecordMonth(Integer year, Integer month) {

    public YearMonth yearMonth() {
        return RecordService.month(year, month);
    }
}
