package io.distributedjob.cluster;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cluster without etcd: instances coordinate through the database alone, as they always did. This instance is
 * its only known member, never fenced by a coordination store, and does its own share of housekeeping (the database's
 * conditional updates keep instances from doing the same work twice).
 */
public class StandaloneCluster implements ClusterMembership, LeaderElection, Fencing {

    private final Member self;

    public StandaloneCluster(String instanceId, String host, Instant started) {
        this.self = new Member(instanceId, host, started);
    }

    @Override
    public String self() {
        return self.instanceId();
    }

    @Override
    public Set<Member> liveMembers() {
        return Set.of(self);
    }

    @Override
    public void onMemberGone(Consumer<MemberGone> listener) {
        // No member is ever reported gone: the engine's database lease reaper finds silent instances.
    }

    @Override
    public void onMembersChanged(Runnable listener) {
        // The membership never changes.
    }

    @Override
    public boolean isLeader() {
        return true;
    }

    @Override
    public boolean fenced() {
        return false;
    }

    @Override
    public void onChange(Listener listener) {
        // Never fenced by a coordination store.
    }
}
