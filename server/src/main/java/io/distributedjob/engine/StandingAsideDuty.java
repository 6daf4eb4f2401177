package io.distributedjob.engine;

import java.time.Instant;

import io.distributedjob.cluster.ClusterMembership;
import io.distributedjob.cluster.LeaderElection;

/**
 * Each round: an instance that cannot reach the database stands aside, as a member of the cluster and as its leader,
 * until its heartbeat is renewed. Registered in etcd while only the database is cut off, it would keep its partition
 * of the tasks, which nobody would then claim, and as leader the housekeeping it cannot do (taking over from
 * instances silent in the database, itself among them). Once it leaves, the others take its claimed fires over at
 * once; it is fenced before it leaves, so it starts none of them.
 */
record StandingAsideDuty(Fence fence, ClusterMembership membership, LeaderElection leader) implements RoundDuty {

    @Override
    public String name() {
        return "standing aside without the database";
    }

    @Override
    public void run(Instant now) {
        if (fence.databaseOutOfReach(now)) {
            leader.stepDown();
            membership.standAside();
        } else {
            leader.rejoin();
            membership.stopStandingAside();
        }
    }
}
