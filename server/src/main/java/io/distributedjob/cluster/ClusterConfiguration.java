package io.distributedjob.cluster;

import java.time.Clock;

import io.distributedjob.config.ClusterSettings;
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
    Cluster cluster(ClusterSettings settings, Clock clock, InstanceId instanceId) {
        return Cluster.join(settings, clock, instanceId.value(), instanceId.host());
    }

    @Bean
    WorkPartition workPartition(Cluster cluster) {
        return new WorkPartition(cluster.membership());
    }
}
