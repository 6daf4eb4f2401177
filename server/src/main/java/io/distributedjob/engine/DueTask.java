package io.distributedjob.engine;

import java.time.Instant;

import io.distributedjob.task.Task;

/** A task row whose next fire is within the claim window, with its lease as read. */
record DueTask(Task task, String leaseOwner, Instant claimedFrom) {
}
