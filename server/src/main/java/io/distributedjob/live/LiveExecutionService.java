package io.distributedjob.live;

import java.util.Map;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.RecordView;
import org.springframework.stereotype.Service;

/**
 * Running executions are read from the database (every instance writes its running records there), so the list
 * covers the whole cluster. A cancel is carried out by the instance running the fire: any other answers 409 with
 * the owner's instance id, and the caller (or the console) sends the cancel there; a cancel never waits for a
 * round trip through the database.
 */
@Service
class LiveExecutionService {

    private final RecordService records;
    private final FireExecutor executor;
    private final DepartmentScope scope;
    private final AuditLog audit;
    private final String self;

    LiveExecutionService(RecordService records, FireExecutor executor, DepartmentScope scope, AuditLog audit,
                         InstanceId instanceId) {
        this.records = records;
        this.executor = executor;
        this.scope = scope;
        this.audit = audit;
        this.self = instanceId.value();
    }

    PageResult<RecordView> running(CurrentUser user, PageQuery page) {
        return records.running(scope.visibleDepartments(user), page);
    }

    CancelledExecution cancel(CurrentUser user, String fireId) {
        ExecutionRecord running = records.fire(fireId).record();
        scope.requireAccess(user, running.departmentId());
        try {
            CancelledExecution cancelled = cancelHere(user, running);
            audit.record(user, AuditLog.CANCEL, AuditLog.TASK, running.taskId(), Outcome.SUCCESS, "fire " + fireId);
            return cancelled;
        } catch (ApiException e) {
            audit.record(user, AuditLog.CANCEL, AuditLog.TASK, running.taskId(), Outcome.FAILURE,
                    "fire " + fireId + ": " + e.getMessage());
            throw e;
        }
    }

    private CancelledExecution cancelHere(CurrentUser user, ExecutionRecord running) {
        String fireId = running.fireId();
        if (running.status() != ExecutionRecord.RUNNING) {
            throw notRunning(fireId);
        }
        if (!self.equals(running.executor())) {
            throw ApiException.conflict("fireRunsElsewhere", Map.of("fireId", fireId, "instance", running.executor()),
                    "fire " + fireId + " runs on instance " + running.executor() + ": send the cancel to that instance");
        }
        if (!executor.cancel(fireId, "cancelled by " + user.username())) {
            throw notRunning(fireId);
        }
        return new CancelledExecution(fireId, running.taskId(), self, user.username());
    }

    private static ApiException notRunning(String fireId) {
        return ApiException.conflict("fireNotRunning", Map.of("fireId", fireId),
                "fire " + fireId + " is not running: it has ended already");
    }
}
