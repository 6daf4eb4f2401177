package io.distributedjob.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.audit.AuditEntry;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.TaskType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Tasks in numbers: copy, bulk delete, export and import. */
@RestController
class TaskFleetController {

    private final TaskFleetService fleet;
    private final TaskImportService imports;
    private final XxlJobImporter xxlJobs;
    private final AuditLog audit;

    TaskFleetController(TaskFleetService fleet, TaskImportService imports, XxlJobImporter xxlJobs, AuditLog audit) {
        this.fleet = fleet;
        this.imports = imports;
        this.xxlJobs = xxlJobs;
        this.audit = audit;
    }

    @PostMapping("/tasks/{id}/copy")
    @RequirePermission(Permissions.TASK_CREATE)
    ApiResponse<TaskView> copy(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(audit.trackCreate(user, AuditLog.TASK, TaskView::id, () -> fleet.copy(user, id)));
    }

    @PostMapping("/tasks/batch-delete")
    @RequirePermission(Permissions.TASK_DELETE)
    ApiResponse<List<TaskFleetService.Outcome>> batchDelete(CurrentUser user, @RequestBody JsonNode body) {
        return ApiResponse.ok(fleet.delete(user, ids(body)));
    }

    @GetMapping("/tasks/export")
    @RequirePermission(Permissions.TASK_VIEW)
    List<Map<String, Object>> export(CurrentUser user,
                                     @RequestParam(required = false) String keyword,
                                     @RequestParam(required = false) Long departmentId,
                                     @RequestParam(required = false) TaskType taskType,
                                     @RequestParam(required = false) Integer status) {
        return fleet.export(user, departmentId, keyword, taskType, status);
    }

    @PostMapping("/tasks/import")
    @RequirePermission(Permissions.TASK_CREATE)
    ApiResponse<TaskImportService.ImportReport> importTasks(CurrentUser user, @RequestBody JsonNode body,
                                                            @RequestParam(defaultValue = "false") boolean dryRun) {
        return ApiResponse.ok(audited(user, imports.importRows(user, body, dryRun)));
    }

    /** XXL-JOB's job table as CSV ({@code text/csv}) or JSON; {@code groups} maps job groups to departments. */
    @PostMapping("/tasks/import/xxl-job")
    @RequirePermission(Permissions.TASK_CREATE)
    ApiResponse<TaskImportService.ImportReport> importXxlJob(CurrentUser user, @RequestBody(required = false) String body,
                                                             @RequestHeader(value = "Content-Type", required = false)
                                                             String contentType,
                                                             @RequestParam(required = false) String groups,
                                                             @RequestParam(defaultValue = "false") boolean dryRun) {
        boolean csv = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
        return ApiResponse.ok(audited(user, xxlJobs.importJobs(user, body, csv, groups, dryRun)));
    }

    /** An import that wrote tasks leaves one audit entry saying how many (a dry run writes nothing, so none). */
    private TaskImportService.ImportReport audited(CurrentUser user, TaskImportService.ImportReport report) {
        if (!report.dryRun() && report.accepted() > 0) {
            audit.record(user, AuditLog.CREATE, AuditLog.TASK, null, AuditEntry.Outcome.SUCCESS,
                    "imported " + report.accepted() + " of " + report.total() + " tasks");
        }
        return report;
    }

    private static List<Long> ids(JsonNode body) {
        JsonNode ids = body == null || !body.isObject() ? null : body.get("ids");
        if (ids == null || !ids.isArray()) {
            throw ApiException.invalid("ids: must be an array of task ids");
        }
        List<Long> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
                throw ApiException.invalid("ids: must hold positive whole numbers");
            }
            list.add(id.asLong());
        }
        return list;
    }
}
