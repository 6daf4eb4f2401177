package io.distributedjob.cluster;

import java.time.Clock;

import io.distributedjob.config.ClusterSettings;
import io.distributedjob.config.KafkaSettings;
import io.distributedjob.kernel.HousekeepingLeader;
import io.distributedjob.kernel.InstanceId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Joins the cluster when the context starts and leaves it (revoking the etcd lease) when it closes. The ports are
 * reached through {@link Cluster}: one object may implement several of them, so they are not beans of their own.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    Cluster cluster(ClusterSettings settings, KafkaSettings kafka, Clock clock, InstanceId instanceId) {
        if (!kafka.claimsHere()) {
            return Cluster.executorOnly(instanceId.value(), instanceId.host(), clock);
        }
        return Cluster.join(settings, clock, instanceId.value(), instanceId.host());
    }

    /** Cluster-wide housekeeping (retention, periodic checks) runs on the leader only. */
    @Bean
    HousekeepingLeader housekeepingLeader(Cluster cluster) {
        return () -> cluster.leader().isLeader();
    }
}
