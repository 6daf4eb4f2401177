package io.distributedjob.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

import io.distributedjob.record.RecordTotals;

/**
 * The {@code execution_stats} map of GetTaskStatistics: execution figures of the period (counts, {@code
 * success_rate} in percent, times in ms) and the task counts of now.
 */
final class ExecutionStats {

    private ExecutionStats() {
    }

    static Map<String, Float> of(RecordTotals totals, TaskCounts.Counts tasks) {
        Map<String, Float> stats = new LinkedHashMap<>();
        stats.put("total_executions", (float) totals.total());
        stats.put("success_count", (float) totals.success());
        stats.put("fail_count", (float) totals.fail());
        stats.put("success_rate", (float) totals.successRate());
        stats.put("avg_execution_time", (float) totals.avgCostTime());
        stats.put("max_execution_time", (float) totals.maxCostTime());
        stats.put("retry_times", (float) totals.retryTimes());
        stats.put("fallback_count", (float) totals.fallbacks());
        stats.put("task_count", (float) tasks.total());
        stats.put("enabled_tasks", (float) tasks.enabled());
        stats.put("disabled_tasks", (float) tasks.disabled());
        stats.put("temporary_tasks", (float) tasks.temporary());
        stats.put("http_tasks", (float) tasks.http());
        stats.put("grpc_tasks", (float) tasks.grpc());
        return stats;
    }
}
