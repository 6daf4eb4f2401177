package io.distributedjob.task;

import java.util.Optional;

/** Reads one task's current definition, for features that run a task they know only by id. */
public interface TaskLookup {

    /** The task as stored now; empty once it is deleted. */
    Optional<Task> find(long id);
}
