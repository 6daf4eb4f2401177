package io.distributedjob.cluster;

import java.time.Clock;

import io.distributedjob.config.ClusterSettings;
import io.distributedjob.execution.InstanceId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the cluster's ports; leaving the cluster (revoking the etcd lease) happens when the context closes. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    Cluster cluster(ClusterSettings settings, Clock clock, InstanceId instanceId) {
        return Cluster.join(settings, clock, instanceId.value(), instanceId.host());
    }

    @Bean
    ClusterMembership clusterMembership(Cluster cluster) {
        return cluster.membership();
    }

    @Bean
    LeaderElection leaderElection(Cluster cluster) {
        return cluster.leader();
    }

    @Bean
    Fencing fencing(Cluster cluster) {
        return cluster.fencing();
    }

    @Bean
    WorkPartition workPartition(ClusterMembership membership) {
        return new WorkPartition(membership);
    }
}
