package io.distributedjob.record;

import java.time.Duration;

import io.distributedjob.kernel.TaskType;
import io.distributedjob.metrics.FireOutcome;
import io.distributedjob.metrics.SchedulerMetrics;

/**
 * Every fire ends in exactly one record, whoever ends it (the executor, or the engine for a skipped or missed
 * fire): so the record is where fires are counted, and where the lateness and duration of those that ran are
 * measured.
 */
final class FireRecordMetrics {

    private final SchedulerMetrics metrics;

    FireRecordMetrics(SchedulerMetrics metrics) {
        this.metrics = metrics;
    }

    void recorded(ExecutionRecord record) {
        TaskType type = TaskType.valueOf(record.taskType());
        FireOutcome outcome = outcomeOf(record);
        metrics.fireEnded(type, record.triggerType(), outcome);
        if (outcome == FireOutcome.MISSED || outcome == FireOutcome.SKIPPED || record.startTime() == null) {
            return;
        }
        metrics.fireStarted(Duration.between(record.scheduledTime(), record.startTime()));
        metrics.executionFinished(type, outcome, Duration.ofMillis(record.costTime()));
        metrics.retriedAndFellBack(record.retryTimes(), record.usedFallback());
    }

    /** The record's error starts with what ended the fire ("missed: ...", "skipped: ...", "timed out ..."). */
    static FireOutcome outcomeOf(ExecutionRecord record) {
        if (record.success()) {
            return FireOutcome.SUCCESS;
        }
        String error = record.error() == null ? "" : record.error();
        if (error.startsWith("missed")) {
            return FireOutcome.MISSED;
        }
        if (error.startsWith("skipped") || error.startsWith("not run")) {
            return FireOutcome.SKIPPED;
        }
        return error.startsWith("timed out") ? FireOutcome.TIMEOUT : FireOutcome.FAILED;
    }
}
