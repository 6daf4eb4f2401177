package io.distributedjob.alert;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Alert channels: read with {@code task:view}, changed and tested with {@code task:update}, per department. */
@RestController
class AlertChannelController {

    static final String AUDIT_TARGET = "ALERT_CHANNEL";
    static final String TEST = "TEST";

    private final AlertChannelService channels;
    private final AuditLog audit;

    AlertChannelController(AlertChannelService channels, AuditLog audit) {
        this.channels = channels;
        this.audit = audit;
    }

    @GetMapping("/alert-channels")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<PageResult<AlertChannelView>> list(CurrentUser user,
                                                   PageParameters paging,
                                                   @RequestParam(required = false) Long departmentId) {
        return ApiResponse.ok(channels.list(user, departmentId, paging.query()));
    }

    @GetMapping("/alert-channels/{id}")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<AlertChannelView> get(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(channels.get(user, id));
    }

    @PostMapping("/alert-channels")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<AlertChannelView> create(CurrentUser user, @RequestBody JsonNode body) {
        return ApiResponse.ok(audit.trackCreate(user, AUDIT_TARGET, AlertChannelView::id,
                () -> channels.create(user, body)));
    }

    @PutMapping("/alert-channels/{id}")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<AlertChannelView> update(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
        return ApiResponse.ok(audit.track(user, AuditLog.UPDATE, AUDIT_TARGET, id,
                () -> channels.update(user, id, body)));
    }

    @DeleteMapping("/alert-channels/{id}")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<Void> delete(CurrentUser user, @PathVariable long id) {
        audit.track(user, AuditLog.DELETE, AUDIT_TARGET, id, () -> channels.delete(user, id));
        return ApiResponse.ok();
    }

    @PostMapping("/alert-channels/{id}/test")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<AlertChannelService.TestResult> test(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(audit.track(user, TEST, AUDIT_TARGET, id, () -> channels.test(user, id)));
    }
}
