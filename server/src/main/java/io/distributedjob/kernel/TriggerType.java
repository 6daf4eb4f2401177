package io.distributedjob.kernel;

/** What caused a fire: its schedule, a person, an API client, a retry, or a catch-up after missed fires. */
public enum TriggerType { CRON, MANUAL, API, RETRY, MISFIRE }
