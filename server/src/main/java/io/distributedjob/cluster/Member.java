package io.distributedjob.cluster;

import java.time.Instant;

/**
 * A live instance of the cluster.
 *
 * @param instanceId the instance's identity (the engine's instance id)
 * @param host       the host it runs on
 * @param started    when it registered
 */
public record Member(String instanceId, String host, Instant started) {
}
