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
    private final boolean leads;

    /** {@code leads}: whether this instance does its own share of housekeeping (false for an executor only). */
    public StandaloneCluster(String instanceId, String host, Instant started, boolean leads) {
        this.self = new Member(instanceId, host, started);
        this.leads = leads;
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
    public boolean registered(String instanceId) {
        return self.instanceId().equals(instanceId);
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
        return leads;
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
