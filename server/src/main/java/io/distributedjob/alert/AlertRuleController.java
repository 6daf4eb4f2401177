package io.distributedjob.alert;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The alert rules of a task and the default rules of a department: read with task:view, set with task:update. */
@RestController
class AlertRuleController {

    static final String TASK_RULES = "TASK_ALERT_RULES";
    static final String DEPARTMENT_RULES = "DEPARTMENT_ALERT_RULES";

    private final AlertRuleService rules;
    private final AuditLog audit;

    AlertRuleController(AlertRuleService rules, AuditLog audit) {
        this.rules = rules;
        this.audit = audit;
    }

    @GetMapping("/tasks/{id}/alert-rules")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<AlertRuleSetView> ofTask(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(rules.ofTask(user, id));
    }

    @PutMapping("/tasks/{id}/alert-rules")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<AlertRuleSetView> replaceOfTask(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
        return ApiResponse.ok(audit.track(user, AuditLog.UPDATE, TASK_RULES, id,
                () -> rules.replaceOfTask(user, id, body)));
    }

    @GetMapping("/departments/{id}/alert-rules")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<AlertRuleSetView> ofDepartment(CurrentUser user, @PathVariable long id) {
        return ApiResponse.ok(rules.ofDepartment(user, id));
    }

    @PutMapping("/departments/{id}/alert-rules")
    @RequirePermission(Permissions.TASK_UPDATE)
    ApiResponse<AlertRuleSetView> replaceOfDepartment(CurrentUser user, @PathVariable long id,
                                                      @RequestBody JsonNode body) {
        return ApiResponse.ok(audit.track(user, AuditLog.UPDATE, DEPARTMENT_RULES, id,
                () -> rules.replaceOfDepartment(user, id, body)));
    }
}
