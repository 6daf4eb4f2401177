package io.distributedjob.record;

import java.time.Instant;

/**
 * A fire that has ended, as the alerting side needs to know it.
 *
 * @param success whether the fire succeeded in the end, after its retries and fallback
 * @param error   why it failed; null on success
 */
public record FinishedFire(long taskId, String taskName, long departmentId, String fireId, Instant scheduledTime,
                           boolean success, String error) {
}
