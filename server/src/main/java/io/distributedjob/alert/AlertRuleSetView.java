package io.distributedjob.alert;

import java.util.List;

/**
 * The rules of a task or department as the API shows them.
 *
 * @param inherit       true when the owner has no rules of its own and those of {@code inheritedFrom} apply
 * @param inheritedFrom the department whose rules apply; null for own rules, or when no department has any
 * @param rules         the rules that apply
 */
record AlertRuleSetView(boolean inherit, RuleOwner inheritedFrom, List<AlertRule> rules) {

    static AlertRuleSetView of(RuleOwner owner, EffectiveRules.Resolved resolved) {
        boolean own = owner.equals(resolved.from());
        return new AlertRuleSetView(!own, own ? null : resolved.from(), resolved.rules());
    }
}
