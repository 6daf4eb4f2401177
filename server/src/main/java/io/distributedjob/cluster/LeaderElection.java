package io.distributedjob.cluster;

/** One instance of the cluster does cluster-wide housekeeping (retention, reaping, balancing). */
public interface LeaderElection {

    /** Whether this instance is the leader now; false while it is fenced. */
    boolean isLeader();
}
