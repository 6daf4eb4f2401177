package io.distributedjob.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.distributedjob.task.ConcurrencyPolicy;
import io.distributedjob.task.Task;

/** How many fires of each task are running or waiting here, and the {@code concurrencyPolicy FORBID} rule. */
final class TaskAdmission {

    private final Map<Long, Integer> busyTasks = new ConcurrentHashMap<>();

    /** Counts a fire as the task's; false (not counted) when it must be skipped under FORBID. */
    boolean admit(Task task) {
        if (task.definition().concurrencyPolicy() == ConcurrencyPolicy.FORBID) {
            return busyTasks.putIfAbsent(task.id(), 1) == null;
        }
        busyTasks.merge(task.id(), 1, Integer::sum);
        return true;
    }

    /** Uncounts one fire of the task, which has ended. */
    void left(Task task) {
        busyTasks.computeIfPresent(task.id(), (id, count) -> count == 1 ? null : count - 1);
    }

    boolean busy(long taskId) {
        return busyTasks.containsKey(taskId);
    }
}
