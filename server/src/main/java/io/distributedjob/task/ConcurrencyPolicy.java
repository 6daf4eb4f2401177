package io.distributedjob.task;

/** Whether a fire may start while the same task's previous run is still going. */
public enum ConcurrencyPolicy { ALLOW, FORBID }
