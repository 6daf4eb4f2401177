package io.distributedjob.task;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.record.RecordMonth;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.StoredRecord;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /records/{id}/rerun}: runs the record's task once now, as a manual run, answering its fire id. */
@RestController
class RecordRerunController {

    private final RecordService records;
    private final TaskRuns runs;

    RecordRerunController(RecordService records, TaskRuns runs) {
        this.records = records;
        this.runs = runs;
    }

    @PostMapping("/records/{id}/rerun")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<TaskEngine.StartedFire> rerun(CurrentUser user, @PathVariable long id, RecordMonth month) {
        StoredRecord stored = records.find(month.yearMonth(), id);
        long taskId = stored.record().taskId();
        return ApiResponse.ok(runs.run(user, AuditLog.currentClientAddress(), taskId, TriggerType.MANUAL, null));
    }
}
