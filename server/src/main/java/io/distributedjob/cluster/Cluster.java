package io.distributedjob.cluster;

import java.time.Clock;

import io.distributedjob.cluster.etcd.EtcdClients;
import io.distributedjob.cluster.etcd.EtcdLeaderElection;
import io.distributedjob.cluster.etcd.EtcdMembership;
import io.distributedjob.config.ClusterSettings;
import io.etcd.jetcd.Client;

/**
 * The coordination this instance takes part in: through etcd when {@code cluster.etcd.endpoints} is set, otherwise
 * the database alone ({@link StandaloneCluster}).
 */
public final class Cluster implements AutoCloseable {

    private final ClusterMembership membership;
    private final LeaderElection leader;
    private final Fencing fencing;
    private final AutoCloseable resources;
    private final WorkPartition partition;
    private final boolean partitioned;

    private Cluster(ClusterMembership membership, LeaderElection leader, Fencing fencing, AutoCloseable resources,
                    boolean partitioned) {
        this.membership = membership;
        this.leader = leader;
        this.fencing = fencing;
        this.resources = resources;
        this.partition = new WorkPartition(membership);
        this.partitioned = partitioned;
    }

    /** Joins through etcd (registration starts in the background) or stands alone, as the settings say. */
    public static Cluster join(ClusterSettings settings, Clock clock, String instanceId, String host) {
        if (!settings.etcd().enabled()) {
            return standalone(instanceId, host, clock);
        }
        Client client = EtcdClients.build(settings.etcd());
        EtcdMembership membership = new EtcdMembership(client, settings.etcd(), clock, instanceId, host);
        EtcdLeaderElection leader = new EtcdLeaderElection(client, settings.etcd(), membership);
        membership.start();
        return new Cluster(membership, leader, membership, () -> {
            membership.close();
            client.close();
        }, true);
    }

    /** Coordination through the database alone. */
    public static Cluster standalone(String instanceId, String host, Clock clock) {
        StandaloneCluster alone = new StandaloneCluster(instanceId, host, clock.instant(), true);
        return new Cluster(alone, alone, alone, () -> { }, false);
    }

    /**
     * An instance that only executes fires consumed from Kafka: it claims nothing, so it takes no part in the
     * partitioning, and leaves cluster-wide housekeeping to the claiming instances.
     */
    public static Cluster executorOnly(String instanceId, String host, Clock clock) {
        StandaloneCluster alone = new StandaloneCluster(instanceId, host, clock.instant(), false);
        return new Cluster(alone, alone, alone, () -> { }, false);
    }

    public ClusterMembership membership() {
        return membership;
    }

    public LeaderElection leader() {
        return leader;
    }

    public Fencing fencing() {
        return fencing;
    }

    /** Which tasks this instance claims: its share of the live members' (every task when it stands alone). */
    public WorkPartition partition() {
        return partition;
    }

    /** Whether claims are split over the members (etcd knows them), rather than balanced through the database. */
    public boolean partitioned() {
        return partitioned;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
