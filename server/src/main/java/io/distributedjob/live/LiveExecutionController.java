package io.distributedjob.live;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageResult;
import io.distributedjob.record.RecordView;
import io.distributedjob.kernel.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Executions under way across the cluster, and cancelling one, within the caller's department scope. */
@RestController
class LiveExecutionController {

    private final LiveExecutionService executions;

    LiveExecutionController(LiveExecutionService executions) {
        this.executions = executions;
    }

    @GetMapping("/executions/running")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<PageResult<RecordView>> running(CurrentUser user, PageParameters paging) {
        return ApiResponse.ok(executions.running(user, paging.query()));
    }

    /** The fire id holds colons ({@code 12:2026-01-01T04:00:00Z}): the path variable takes it whole. */
    @PostMapping("/executions/{fireId:.+}/cancel")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<CancelledExecution> cancel(CurrentUser user, @PathVariable String fireId) {
        return ApiResponse.ok(executions.cancel(user, fireId));
    }
}
