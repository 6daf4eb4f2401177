package io.distributedjob.task;

import java.util.Map;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageResult;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.kernel.TriggerType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The spec's task API, plus running a task now and previewing a cron expression. */
@RestController
class TaskController {

    private final TaskService tasks;
    private final TaskValidator validator;
    private final TaskRuns runs;
    private final CronPreviews previews;

    TaskController(TaskService tasks, TaskValidator validator, TaskRuns runs, CronPreviews previews) {
        this.tasks = tasks;
        this.validator = validator;
        this.runs = runs;
        this.previews = previews;
    }

    @GetMapping("/tasks")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<PageResult<TaskView>> list(CurrentUser user,
                                           PageParameters paging,
                                           @RequestParam(required = false) String keyword,
                                           @RequestParam(required = false) Long departmentId,
                                           @RequestParam(required = false) TaskType taskType,
                                           @RequestParam(required = false) Integer status,
                                           @RequestParam(required = false) Long afterId) {
        return ApiResponse.ok(tasks.list(user, departmentId, keyword, taskType, status, afterId,
                paging.query()));
    }

    @GetMapping("/tasks/{id}")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<TaskView> get(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(tasks.get(user, id));
    }

    @PostMapping("/tasks/http")
    @RequirePermission(Permissions.TASK_CREATE)
    ApiResponse<TaskView> createHttp(CurrentUser user, @RequestBody JsonNode body) {
        return ApiResponse.ok(tasks.create(user, AuditLog.currentClientAddress(), TaskType.HTTP, body));
    }

    @PostMapping("/tasks/grpc")
    @RequirePermission(Permissions.TASK_CREATE)
    ApiResponse<TaskView> createGrpc(CurrentUser user, @RequestBody JsonNode body) {
        return ApiResponse.ok(tasks.create(user, AuditLog.currentClientAddress(), TaskType.GRPC, body));
    }

    @PutMapping("/tasks/http/{id}")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<TaskView> updateHttp(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
        return ApiResponse.ok(tasks.update(user, AuditLog.currentClientAddress(), id, TaskType.HTTP, body));
    }

    @PutMapping("/tasks/grpc/{id}")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<TaskView> updateGrpc(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
        return ApiResponse.ok(tasks.update(user, AuditLog.currentClientAddress(), id, TaskType.GRPC, body));
    }

    @DeleteMapping("/tasks/{id}")
    @RequirePermission(Permissions.TASK_DELETE)
    ApiResponse<Void> delete(CurrentUser user, @PathVariable long id) {
        tasks.delete(user, AuditLog.currentClientAddress(), id);
        return ApiResponse.ok();
    }

    @PatchMapping("/tasks/{id}/status")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<TaskView> status(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
        return ApiResponse.ok(tasks.changeStatus(user, AuditLog.currentClientAddress(), id, body));
    }

    @PostMapping("/tasks/{id}/run")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<TaskEngine.StartedFire> run(CurrentUser user, @PathVariable long id,
                                            @RequestBody(required = false) JsonNode overrides) {
        return ApiResponse.ok(runs.run(user, AuditLog.currentClientAddress(), id, TriggerType.MANUAL, overrides));
    }

    @PostMapping("/tasks/cron/preview")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<CronPreview> preview(@RequestBody JsonNode body) {
        TaskFields fields = new TaskFields(body);
        String cron = fields.string("cron", true, TaskLimits.CRON_MAX);
        String timezone = fields.string("timezone", false, TaskLimits.TIMEZONE_MAX);
        JsonNode count = fields.node("count");
        if (count != null && (!count.isIntegralNumber() || !count.canConvertToInt())) {
            fields.refuse("count", "integer", Map.of(), "must be a whole number");
        }
        return ApiResponse.ok(fields.valid(() -> previews.preview(cron, timezone, count == null ? null : count.asInt())));
    }
}
