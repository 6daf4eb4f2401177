package io.distributedjob.alert;

import java.time.Clock;
import java.util.List;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskService;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Reads and replaces the alert rules of tasks and departments, within the caller's department scope. */
@Service
class AlertRuleService {

    private final AlertRuleRepository rules;
    private final EffectiveRules effective;
    private final AlertRuleValidator validator;
    private final AlertChannelRepository channels;
    private final TaskService tasks;
    private final DepartmentDirectory departments;
    private final DepartmentScope scope;
    private final Clock clock;

    AlertRuleService(AlertRuleRepository rules, EffectiveRules effective, AlertRuleValidator validator,
                     AlertChannelRepository channels, TaskService tasks, DepartmentDirectory departments,
                     DepartmentScope scope, Clock clock) {
        this.rules = rules;
        this.effective = effective;
        this.validator = validator;
        this.channels = channels;
        this.tasks = tasks;
        this.departments = departments;
        this.scope = scope;
        this.clock = clock;
    }

    AlertRuleSetView ofTask(CurrentUser user, long taskId) {
        Task task = tasks.find(user, taskId);
        return AlertRuleSetView.of(RuleOwner.task(taskId), effective.forTask(taskId, task.definition().departmentId()));
    }

    AlertRuleSetView ofDepartment(CurrentUser user, long departmentId) {
        requireDepartment(user, departmentId);
        return AlertRuleSetView.of(RuleOwner.department(departmentId), effective.forDepartment(departmentId, true));
    }

    AlertRuleSetView replaceOfTask(CurrentUser user, long taskId, JsonNode body) {
        tasks.find(user, taskId);
        replace(user, RuleOwner.task(taskId), body);
        return ofTask(user, taskId);
    }

    AlertRuleSetView replaceOfDepartment(CurrentUser user, long departmentId, JsonNode body) {
        requireDepartment(user, departmentId);
        replace(user, RuleOwner.department(departmentId), body);
        return ofDepartment(user, departmentId);
    }

    private void replace(CurrentUser user, RuleOwner owner, JsonNode body) {
        List<AlertRule> wanted = validator.read(body);
        if (wanted == null) {
            rules.inherit(owner);
            return;
        }
        for (int i = 0; i < wanted.size(); i++) {
            for (long id : wanted.get(i).channelIds()) {
                String field = "rules[" + i + "].channelIds";
                AlertChannel channel = channels.find(id)
                        .orElseThrow(() -> ApiException.invalid(field + ": alert channel " + id + " does not exist"));
                if (!scope.canAccess(user, channel.departmentId())) {
                    throw ApiException.forbidden(field + ": alert channel " + id + " is outside your department scope");
                }
            }
        }
        rules.replace(owner, wanted, clock.instant());
    }

    private void requireDepartment(CurrentUser user, long departmentId) {
        if (!departments.exists(departmentId)) {
            throw ApiException.notFound("department " + departmentId + " not found");
        }
        scope.requireAccess(user, departmentId);
    }
}
