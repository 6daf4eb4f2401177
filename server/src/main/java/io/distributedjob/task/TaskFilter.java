package io.distributedjob.task;

import java.util.Set;

import io.distributedjob.kernel.TaskType;

/** What a task list is narrowed to; {@code departments} is never empty (the caller's scope, or one department of it). */
record TaskFilter(Set<Long> departments, String keyword, TaskType taskType, Integer status) {
}
