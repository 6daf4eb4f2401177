package io.distributedjob.engine;

import java.time.Instant;

import io.distributedjob.cluster.LeaderElection;

/**
 * Each round: an instance whose database heartbeat has lapsed stands aside as leader until it is renewed. A leader
 * cut off the database while etcd still renews its lease would otherwise keep leading, and the housekeeping it
 * cannot do (taking over from instances silent in the database, itself among them) would not be done by anyone.
 */
record LeadershipDuty(Fence fence, LeaderElection leader) implements RoundDuty {

    @Override
    public String name() {
        return "standing aside as leader without the database";
    }

    @Override
    public void run(Instant now) {
        if (fence.heartbeatLapsed(now)) {
            leader.stepDown();
        } else {
            leader.rejoin();
        }
    }
}
