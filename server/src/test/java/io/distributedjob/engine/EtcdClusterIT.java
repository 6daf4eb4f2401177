package io.distributedjob.engine;

import io.distributedjob.support.Needs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.EtcdServer;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.ServerProcess;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestService;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three server processes on one MariaDB schema coordinating through a real etcd, the busiest killed with
 * {@code kill -9}: the survivors learn it from etcd's watch when its 3 s lease expires and take its fires over at
 * once, well before the database lease ({@code job.leaseSeconds}, 10 s by default) would have let them. No fire is
 * lost; a fire may arrive twice only around the kill.
 */
@Needs({TestService.MARIADB, TestService.ETCD})
class EtcdClusterIT {

    private static final Duration RUN = Duration.ofSeconds(40);
    private static final String JWT_SECRET = "cluster-test-secret-that-is-long-enough-0123456789";
    private static final Duration KILL_WINDOW_BEFORE = Duration.ofSeconds(3);
    private static final Duration KILL_WINDOW_AFTER = Duration.ofSeconds(10);
    /** etcd lease (3 s), one renewal, one poll round and a claim: well under the database lease of 10 s. */
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(7);

    @TempDir
    Path workDir;

    @Test
    void theBusiestKilledItsFiresAreTakenOverWithinTheEtcdLeaseAndNoneIsLost() throws Exception {
        String schema = MariaDb.freshSchema();
        List<ServerProcess> servers = new ArrayList<>();
        try (EtcdServer etcd = EtcdServer.start(workDir); TargetServer target = new TargetServer()) {
            String[] arguments = {"--database.url=" + MariaDb.hostPort(), "--database.username=" + MariaDb.username(),
                    "--database.password=" + MariaDb.password(), "--database.schema=" + schema,
                    "--auth.jwtSecret=" + JWT_SECRET, "--auth.adminPassword=" + TestSettings.ADMIN_PASSWORD,
                    "--job.workers=50", "--job.httpWorkers=50", "--job.queueSize=2000",
                    "--cluster.etcd.endpoints=" + etcd.endpoint(), "--cluster.etcd.namespace=/" + schema,
                    "--log.level=WARN"};
            servers.add(ServerProcess.start(workDir.resolve("a"), arguments).awaitHealthy());
            // one after the other: three starting at once on a small machine outlast the start timeout
            servers.add(ServerProcess.start(workDir.resolve("b"), arguments).awaitHealthy());
            servers.add(ServerProcess.start(workDir.resolve("c"), arguments).awaitHealthy());
            ApiClient creator = servers.get(0).api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
            long department = creator.get("/auth/userinfo").data().get("departmentId").asLong();

            List<Long> ids = ClusterIT.createTasks(creator, department, target.url("/fire"));
            Thread.sleep(RUN.dividedBy(2));
            String victim = ClusterIT.busiestExecutor(schema, Instant.now().minus(KILL_WINDOW_BEFORE));
            ServerProcess killedServer = servers.stream().filter(server -> victim.contains(":" + server.pid() + ":"))
                    .findFirst().orElseThrow();
            Instant killed = Instant.now();
            killedServer.kill();
            ServerProcess survivor = servers.stream().filter(ServerProcess::isAlive).findFirst().orElseThrow();
            ApiClient admin = survivor.api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
            Thread.sleep(RUN.dividedBy(2));
            for (long id : ids) {
                assertThat(admin.patch("/tasks/" + id + "/status", ApiClient.json("status", 0)).status()).isEqualTo(200);
            }
            Thread.sleep(Duration.ofSeconds(5));

            Map<String, Integer> arrivals = new HashMap<>();
            Map<String, Instant> firstArrival = new HashMap<>();
            target.calls("/fire").forEach(call -> {
                String fireId = call.header("X-DJ-Fire-Id");
                arrivals.merge(fireId, 1, Integer::sum);
                firstArrival.merge(fireId, call.arrived(), (a, b) -> a.isBefore(b) ? a : b);
            });
            Map<Long, TreeSet<Instant>> firesByTask = new HashMap<>();
            arrivals.keySet().forEach(fireId -> firesByTask.computeIfAbsent(ClusterIT.taskOf(fireId),
                    id -> new TreeSet<>()).add(ClusterIT.instantOf(fireId)));
            assertThat(firesByTask.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            for (long id : ids) {
                TreeSet<Instant> fires = firesByTask.get(id);
                long expected = Duration.between(fires.first(), fires.last()).toSeconds() + 1;
                assertThat(fires).as("fires of task %d", id).hasSize((int) expected);
            }

            // failover: how late the fires due right after the kill arrived
            List<Duration> lateness = firstArrival.entrySet().stream()
                    .filter(e -> !ClusterIT.instantOf(e.getKey()).isBefore(killed)
                            && ClusterIT.instantOf(e.getKey()).isBefore(killed.plus(KILL_WINDOW_AFTER)))
                    .map(e -> Duration.between(ClusterIT.instantOf(e.getKey()), e.getValue()))
                    .sorted().toList();
            Duration worst = lateness.getLast();
            System.out.printf("etcd cluster: %d fires, failover p50 %d ms, max %d ms%n", arrivals.size(),
                    lateness.get(lateness.size() / 2).toMillis(), worst.toMillis());
            assertThat(worst).as("latest fire after the kill").isLessThan(FAILOVER_BOUND);

            Instant windowStart = killed.minus(KILL_WINDOW_BEFORE);
            Instant windowEnd = killed.plus(KILL_WINDOW_AFTER);
            assertThat(arrivals.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                    .as("fires that arrived twice").allSatisfy(fireId ->
                            assertThat(ClusterIT.instantOf(fireId)).isBetween(windowStart, windowEnd));
            assertThat(ClusterIT.executors(schema, "scheduled_time > ?", windowEnd)).as("instances after the kill")
                    .isNotEmpty().doesNotContain(victim);
            assertThat(ClusterIT.recordedFires(schema).keySet()).containsExactlyInAnyOrderElementsOf(arrivals.keySet());
        } finally {
            servers.forEach(ServerProcess::close);
        }
    }
}
