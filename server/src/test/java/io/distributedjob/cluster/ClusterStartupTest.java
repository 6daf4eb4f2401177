package io.distributedjob.cluster;

import io.distributedjob.support.Needs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.distributedjob.DistributedJobApplication;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.support.EtcdServer;
import io.distributedjob.support.TestService;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

@Needs(TestService.ETCD)
/** A server configured with etcd registers itself there on start and leaves at once when it stops. */
class ClusterStartupTest {

    private static final String NAMESPACE = "/startup-test";

    @TempDir
    Path dir;

    @Test
    void aServerRegistersInEtcdAndRevokesItsLeaseOnShutdown() throws Exception {
        try (EtcdServer etcd = EtcdServer.start(dir); Client observer = Client.builder().endpoints(etcd.endpoint()).build()) {
            ConfigurableApplicationContext server = new SpringApplication(DistributedJobApplication.class).run(
                    "--server.port=0", "--rpc.port=0", "--log.path=target/test-logs",
                    "--database.embeddedPath=" + Path.of("target", "test-data", "cluster-" + UUID.randomUUID()).toAbsolutePath(),
                    "--cluster.etcd.endpoints=" + etcd.endpoint(), "--cluster.etcd.namespace=" + NAMESPACE);
            String self = server.getBean(InstanceId.class).value();
            Cluster cluster = server.getBean(Cluster.class);

            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.membership().liveMembers().stream()
                    .anyMatch(m -> m.instanceId().equals(self)) && cluster.leader().isLeader());
            assertThat(cluster.fencing().fenced()).isFalse();
            assertThat(members(observer)).isEqualTo(1);

            server.close();

            assertThat(members(observer)).as("the lease is revoked, not left to expire").isZero();
        }
    }

    private static long members(Client client) throws Exception {
        return client.getKVClient().get(ByteSequence.from(NAMESPACE + "/members/", StandardCharsets.UTF_8),
                GetOption.builder().isPrefix(true).withCountOnly(true).build()).get().getCount();
    }
}
