package io.distributedjob.cluster;

/** One instance of the cluster does cluster-wide housekeeping (retention, reaping, balancing). */
public interface LeaderElection {

    /** Whether this instance is the leader now; false while it is fenced or has stepped down. */
    boolean isLeader();

    /**
     * This instance cannot do the housekeeping now (its database is out of reach): it gives leadership up, if it
     * holds it, so that another member takes it, and stands aside until {@link #rejoin()}. Without a contested
     * leadership (no etcd) there is nothing to give up.
     */
    default void stepDown() {
    }

    /** This instance can do the housekeeping again: it campaigns for leadership as before. */
    default void rejoin() {
    }
}
