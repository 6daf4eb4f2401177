package io.distributedjob.task;

/**
 * What a takeover does with a fire whose instance stopped after its call had started (its running record is in
 * the database) but before its outcome was recorded: the target may or may not have done the work.
 */
public enum CrashPolicy {
    /** Call the target again with the same {@code X-DJ-Fire-Id}: at least once, the target drops a repeat. */
    RERUN,
    /** Record the outcome as unknown and call no more: at most once, a lost call is not made up for. */
    RECORD_UNKNOWN
}
