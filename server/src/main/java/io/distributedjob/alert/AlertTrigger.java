package io.distributedjob.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.distributedjob.record.FinishedFire;
import io.distributedjob.record.FireOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Turns finished fires into failure, N-in-a-row and recovery alerts. The work (database updates, HTTP calls,
 * mail) runs on a virtual thread per fire, so the executing side never waits on a slow channel.
 */
@Service
class AlertTrigger implements FireOutcomes, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertTrigger.class);

    private final EffectiveRules rules;
    private final AlertTaskStateRepository states;
    private final AlertDispatcher dispatcher;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    AlertTrigger(EffectiveRules rules, AlertTaskStateRepository states, AlertDispatcher dispatcher, Clock clock) {
        this.rules = rules;
        this.states = states;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void finished(FinishedFire fire) {
        workers.execute(() -> {
            try {
                evaluate(fire);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Could not evaluate the alert rules for fire {}", fire.fireId(), e);
            }
        });
    }

    /** The whole evaluation of one outcome, on the calling thread. */
    void evaluate(FinishedFire fire) throws InterruptedException {
        Instant now = clock.instant();
        EffectiveRules.Resolved applying = rules.forTask(fire.taskId(), fire.departmentId());
        if (applying.rules().isEmpty()) {
            // failures in a row are counted while a rule applies: a fleet without rules costs no writes per fire
            return;
        }
        if (fire.success()) {
            if (states.succeeded(fire.taskId(), now)) {
                for (AlertRule rule : applying.ofKind(AlertKind.RECOVERY)) {
                    dispatcher.dispatch(rule, alert(AlertKind.RECOVERY, fire, 0, now), now);
                }
            }
            return;
        }
        int inARow = states.failed(fire.taskId(), now);
        boolean alerted = false;
        for (AlertRule rule : applying.ofKind(AlertKind.FAILURE)) {
            alerted |= dispatcher.dispatch(rule, alert(AlertKind.FAILURE, fire, inARow, now), now);
        }
        for (AlertRule rule : applying.ofKind(AlertKind.CONSECUTIVE_FAILURES)) {
            if (inARow >= rule.threshold()) {
                alerted |= dispatcher.dispatch(rule, alert(AlertKind.CONSECUTIVE_FAILURES, fire, inARow, now), now);
            }
        }
        if (alerted) {
            states.alerted(fire.taskId(), now);
        }
    }

    private static Alert alert(AlertKind kind, FinishedFire fire, int inARow, Instant now) {
        return new Alert(kind, fire.taskId(), fire.taskName(), fire.departmentId(), fire.fireId(),
                fire.scheduledTime(), fire.error(), inARow, now);
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
