package io.distributedjob.record;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query parameters that choose records, shared by the list and the export so both find the same records:
 * a time range ({@code from}/{@code to}) or else a month ({@code year}/{@code month}), and the filters.
 */
record RecordQueryParameters(
        Integer year,
        Integer month,
        Long taskId,
        Long departmentId,
        Integer success,
        String taskType,
        String errorKeyword,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {

    /** Whether a time range was asked for rather than a month. */
    boolean ranged() {
        return from != null || to != null;
    }

    RecordRange range() {
        return RecordRange.of(from, to);
    }

    YearMonth yearMonth() {
        return RecordService.month(year, month);
    }

    /** The month asked for as a range of scheduled times in {@code zone}. */
    RecordRange monthRange(ZoneId zone) {
        YearMonth yearMonth = yearMonth();
        return new RecordRange(yearMonth.atDay(1).atStartOfDay(zone).toInstant(),
                yearMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /** The filter within the caller's scope; a department out of it is refused. */
    RecordFilter filter(DepartmentScope scope, CurrentUser user) {
        return new RecordFilter(RecordController.departments(scope, user, departmentId), taskId,
                RecordController.success(success), RecordController.taskType(taskType),
                RecordRange.errorKeyword(errorKeyword));
    }
}
