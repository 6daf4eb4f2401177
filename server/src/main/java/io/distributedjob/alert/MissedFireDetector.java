package io.distributedjob.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.distributedjob.config.AlertSettings;
import io.distributedjob.kernel.HousekeepingLeader;
import io.distributedjob.kernel.PeriodicHousekeeping;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.record.ExecutionRecord;
import org.springframework.stereotype.Component;

/**
 * Reports fires that have not started by their scheduled instant plus the rule's grace: a task whose engine
 * stopped, or that nobody claims any more, fails silently otherwise. The leader checks; the claim of the alert
 * (keyed on the missed instant) still lets exactly one instance send it, once per missed fire and window, while
 * leadership changes hands.
 */
@Component
class MissedFireDetector extends PeriodicHousekeeping {

    /** The shortest grace a missed-fire rule may have; also what makes a task overdue enough to look at. */
    static final int MIN_GRACE_SECONDS = 10;

    private final OverdueTasks overdue;
    private final AlertRuleRepository ruleTable;
    private final EffectiveRules rules;
    private final AlertDispatcher dispatcher;
    private final AlertTaskStateRepository states;
    private final DepartmentDirectory departments;
    private final Clock clock;

    MissedFireDetector(OverdueTasks overdue, AlertRuleRepository ruleTable, EffectiveRules rules,
                       AlertDispatcher dispatcher, AlertTaskStateRepository states, DepartmentDirectory departments,
                       Clock clock, AlertSettings settings, HousekeepingLeader leader) {
        super("missed-fire-detector", "Could not check for missed fires",
                Duration.ofSeconds(settings.missedFireCheckSeconds()), Duration.ofSeconds(settings.missedFireCheckSeconds()),
                leader);
        this.departments = departments;
        this.overdue = overdue;
        this.ruleTable = ruleTable;
        this.rules = rules;
        this.dispatcher = dispatcher;
        this.states = states;
        this.clock = clock;
    }

    @Override
    protected void runOnce() throws InterruptedException {
        check();
    }

    /** One check; returns how many missed-fire alerts this instance sent. */
    int check() throws InterruptedException {
        if (!ruleTable.anyOfKind(AlertKind.MISSED_FIRE)) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        // the engine does not fire tasks of a disabled department on purpose: not a missed fire
        Set<Long> switchedOff = departments.notLive();
        Instant cutoff = now.minusSeconds(MIN_GRACE_SECONDS);
        List<OverdueTasks.Overdue> page = overdue.dueBefore(cutoff, null);
        while (!page.isEmpty()) {
            for (OverdueTasks.Overdue task : page) {
                if (switchedOff.contains(task.departmentId())) {
                    continue;
                }
                for (AlertRule rule : rules.forTask(task.taskId(), task.departmentId()).ofKind(AlertKind.MISSED_FIRE)) {
                    if (task.nextFire().plusSeconds(rule.threshold()).isAfter(now)) {
                        continue;
                    }
                    Alert alert = new Alert(AlertKind.MISSED_FIRE, task.taskId(), task.name(), task.departmentId(),
                            ExecutionRecord.fireId(task.taskId(), task.nextFire()), task.nextFire(),
                            "not started " + Duration.between(task.nextFire(), now).toSeconds()
                                    + " s after its scheduled instant", 0, now);
                    if (dispatcher.dispatch(rule, alert, task.nextFire())) {
                        states.alerted(task.taskId(), now);
                        sent++;
                    }
                }
            }
            page = page.size() < OverdueTasks.BATCH ? List.of() : overdue.dueBefore(cutoff, page.getLast());
        }
        return sent;
    }
}
