package io.distributedjob.alert;

import java.util.List;
import java.util.Optional;

import io.distributedjob.org.DepartmentDirectory;
import org.springframework.stereotype.Component;

/**
 * Which rules apply to a task: its own set when it has one (an empty own set silences it), else the set of its
 * department, else that of the nearest ancestor department that has one. Sets are not merged: the nearest wins.
 */
@Component
class EffectiveRules {

    private final AlertRuleRepository rules;
    private final DepartmentDirectory departments;

    EffectiveRules(AlertRuleRepository rules, DepartmentDirectory departments) {
        this.rules = rules;
        this.departments = departments;
    }

    /** The rules and the owner they come from; an empty list and no owner when nobody up the chain has any. */
    Resolved forTask(long taskId, long departmentId) {
        Optional<List<AlertRule>> own = rules.find(RuleOwner.task(taskId));
        if (own.isPresent()) {
            return new Resolved(RuleOwner.task(taskId), own.get());
        }
        return inherited(departmentId, true);
    }

    /** The rules that apply to the department: its own, or its nearest ancestor's. */
    Resolved forDepartment(long departmentId, boolean includingSelf) {
        return inherited(departmentId, includingSelf);
    }

    private Resolved inherited(long departmentId, boolean includingSelf) {
        List<Long> chain = departments.selfAndAncestors(departmentId);
        for (long department : includingSelf ? chain : chain.subList(Math.min(1, chain.size()), chain.size())) {
            Optional<List<AlertRule>> set = rules.find(RuleOwner.department(department));
            if (set.isPresent()) {
                return new Resolved(RuleOwner.department(department), set.get());
            }
        }
        return new Resolved(null, List.of());
    }

    record Resolved(RuleOwner from, List<AlertRule> rules) {

        List<AlertRule> ofKind(AlertKind kind) {
            return rules.stream().filter(rule -> rule.kind() == kind).toList();
        }
    }
}
