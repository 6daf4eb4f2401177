package io.distributedjob.task;

/** What happens to fires missed while no instance was running: one catch-up fire, or none. */
public enum MisfirePolicy { FIRE_ONCE, SKIP }
