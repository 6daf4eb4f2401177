package io.distributedjob.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

import io.distributedjob.record.FinishedFire;
import io.distributedjob.record.FireOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Turns finished fires into failure, N-in-a-row and recovery alerts, off the executing side: outcomes queue here
 * and one thread takes them in batches. A success of a task with no failure on record changes nothing, and a
 * herd of fires on one second is mostly that, so a batch's successes are checked in one query and only those of
 * tasks in trouble are evaluated. Failures and those are evaluated on virtual threads (a slow channel holds up
 * only its own alert), at most {@link #CONCURRENT_EVALUATIONS} at once so that alerting never takes the
 * connections the scheduler needs to claim, renew its lease and write records.
 */
@Service
class AlertTrigger implements FireOutcomes, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertTrigger.class);
    /** Outcomes taken from the queue at once; their successes cost one query. */
    private static final int BATCH = 500;
    /** Evaluations running at once: each may hold a database connection for a few statements. */
    private static final int CONCURRENT_EVALUATIONS = 4;

    private final EffectiveRules rules;
    private final AlertTaskStateRepository states;
    private final AlertDispatcher dispatcher;
    private final Clock clock;
    private final BlockingQueue<FinishedFire> outcomes = new LinkedBlockingQueue<>();
    private final Semaphore evaluations = new Semaphore(CONCURRENT_EVALUATIONS);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread drainer;

    AlertTrigger(EffectiveRules rules, AlertTaskStateRepository states, AlertDispatcher dispatcher, Clock clock) {
        this.rules = rules;
        this.states = states;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.drainer = Thread.ofVirtual().name("alert-outcomes").start(this::drain);
    }

    @Override
    public void finished(FinishedFire fire) {
        outcomes.add(fire);
    }

    private void drain() {
        List<FinishedFire> batch = new ArrayList<>(BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(outcomes.take());
                outcomes.drainTo(batch, BATCH - 1);
                for (FinishedFire fire : needingEvaluation(batch)) {
                    evaluations.acquire();
                    workers.execute(() -> evaluateReleasing(fire));
                }
                batch.clear();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failures, and the successes of tasks with failures on record or failing earlier in the batch. */
    private List<FinishedFire> needingEvaluation(List<FinishedFire> batch) {
        Set<Long> inTrouble = new HashSet<>();
        Set<Long> succeeded = new HashSet<>();
        for (FinishedFire fire : batch) {
            if (fire.success()) {
                succeeded.add(fire.taskId());
            }
        }
        try {
            inTrouble.addAll(succeeded.isEmpty() ? Set.of() : states.inTrouble(succeeded));
        } catch (RuntimeException e) {
            log.error("Could not read which tasks have failures on record; evaluating every outcome of the batch", e);
            return List.copyOf(batch);
        }
        List<FinishedFire> evaluate = new ArrayList<>();
        for (FinishedFire fire : batch) {
            if (!fire.success()) {
                inTrouble.add(fire.taskId());
                evaluate.add(fire);
            } else if (inTrouble.contains(fire.taskId())) {
                evaluate.add(fire);
            }
        }
        return evaluate;
    }

    private void evaluateReleasing(FinishedFire fire) {
        try {
            evaluate(fire);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Could not evaluate the alert rules for fire {}", fire.fireId(), e);
        } finally {
            evaluations.release();
        }
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
        drainer.interrupt();
        workers.shutdown();
    }
}
