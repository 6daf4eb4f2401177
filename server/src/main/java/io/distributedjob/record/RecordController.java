package io.distributedjob.record;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The spec's execution record API: lists and statistics of one month, or lists over any range of time across the
 * month tables, within the caller's department scope.
 */
@RestController
class RecordController {

    private final RecordService records;
    private final DepartmentScope scope;

    RecordController(RecordService records, DepartmentScope scope) {
        this.records = records;
        this.scope = scope;
    }

    @GetMapping("/records")
    @RequirePermission(Permissions.RECORD_VIEW)
    ApiResponse<PageResult<RecordView>> list(CurrentUser user, RecordQueryParameters query,
                                             PageParameters paging) {
        PageQuery pageQuery = paging.query();
        RecordFilter filter = query.filter(scope, user);
        if (query.ranged()) {
            RecordRange range = query.range();
            RecordSlice slice = records.history(filter, range.from(), range.to(), pageQuery.size(), pageQuery.offset());
            return ApiResponse.ok(PageResult.of(slice.records(), slice.total(), pageQuery));
        }
        return ApiResponse.ok(records.list(query.yearMonth(), filter, pageQuery));
    }

    @GetMapping("/records/{id}")
    @RequirePermission(Permissions.RECORD_VIEW)
    ApiResponse<RecordView> get(CurrentUser user, @PathVariable long id, RecordMonth month) {
        StoredRecord stored = records.find(month.yearMonth(), id);
        scope.requireAccess(user, stored.record().departmentId());
        return ApiResponse.ok(records.view(stored));
    }

    @GetMapping("/records/stats")
    @RequirePermission(Permissions.RECORD_VIEW)
    ApiResponse<RecordStats> stats(CurrentUser user, RecordMonth month,
                                   @RequestParam(required = false) Long taskId,
                                   @RequestParam(required = false) Long departmentId,
                                   @RequestParam(required = false) Integer success,
                                   @RequestParam(required = false) String taskType) {
        Set<Long> departments = departments(user, departmentId);
        return ApiResponse.ok(records.stats(month.yearMonth(),
                new RecordFilter(departments, taskId, success(success), taskType(taskType))));
    }

    /** Figures over any range across the month tables, from SQL aggregates (the dashboard's last 24 hours). */
    @GetMapping("/records/totals")
    @RequirePermission(Permissions.RECORD_VIEW)
    ApiResponse<RecordTotals> totals(CurrentUser user,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                     @RequestParam(required = false) Long taskId,
                                     @RequestParam(required = false) Long departmentId,
                                     @RequestParam(required = false) String taskType) {
        RecordRange range = RecordRange.of(from, to);
        RecordFilter filter = new RecordFilter(departments(user, departmentId), taskId, null, taskType(taskType));
        return ApiResponse.ok(records.totals(filter, range.from(), range.to()));
    }

    private Set<Long> departments(CurrentUser user, Long departmentId) {
        return departments(scope, user, departmentId);
    }

    /** The departments a record query covers: the one asked for (if in scope) or all the caller sees. */
    static Set<Long> departments(DepartmentScope scope, CurrentUser user, Long departmentId) {
        if (departmentId == null) {
            return scope.visibleDepartments(user);
        }
        scope.requireAccess(user, departmentId);
        return Set.of(departmentId);
    }

    static Boolean success(Integer success) {
        if (success == null) {
            return null;
        }
        if (success != 0 && success != 1) {
            throw ApiException.invalid("success: must be 1 (succeeded) or 0 (failed)");
        }
        return success == 1;
    }

    static String taskType(String taskType) {
        if (taskType == null || taskType.isBlank()) {
            return null;
        }
        String type = taskType.strip().toUpperCase(Locale.ROOT);
        if (!type.equals("HTTP") && !type.equals("GRPC")) {
            throw ApiException.invalid("taskType: must be HTTP or GRPC");
        }
        return type;
    }
}
