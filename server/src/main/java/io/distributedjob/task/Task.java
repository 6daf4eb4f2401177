package io.distributedjob.task;

import java.time.Instant;

/** A scheduled task as stored: its definition, the engine's cursor over its fires and the stamps of its row. */
public record Task(long id, TaskDefinition definition, Cursor cursor, Stamps stamps) {

    /**
     * {@code nextExecuteTime} is the first fire not yet claimed by any instance (fires up to the claim look-ahead
     * may already sit on an instance's timer); {@code version} guards every move of it.
     */
    public record Cursor(Instant nextExecuteTime, long version) {
    }

    /** Who created the task and when it was created and last changed. */
    public record Stamps(long creatorId, Instant createTime, Instant updateTime) {
    }

    public boolean scheduled() {
        return definition.status().scheduled();
    }

    /** Whether the two define the same fire times (expression, zone and once-only status alike). */
    public boolean sameScheduleAs(Task other) {
        TaskDefinition theirs = other.definition;
        return definition.cron().equals(theirs.cron()) && definition.timezone().equals(theirs.timezone())
                && definition.status() == theirs.status();
    }

    /** This task with another definition; id, cursor and stamps stay. */
    Task withDefinition(TaskDefinition changed) {
        return new Task(id, changed, cursor, stamps);
    }
}
