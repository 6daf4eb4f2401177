package io.distributedjob.kernel;

/**
 * Whether this instance does the cluster-wide housekeeping now: the leader elected through etcd, or, without etcd,
 * every instance that claims fires (their conditional writes keep them from doing the same work twice).
 */
@FunctionalInterface
public interface HousekeepingLeader {

    boolean leads();
}
