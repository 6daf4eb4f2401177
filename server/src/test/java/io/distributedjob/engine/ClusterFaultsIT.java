package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.EtcdServer;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.ServerProcess;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TcpProxy;
import io.distributedjob.support.TestSettings;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cluster of three server processes on one MariaDB schema, coordinating through a real etcd, put through the
 * faults one after the other: etcd stopped for 10 s, one instance cut off the database for longer than its lease,
 * then the leader killed with {@code kill -9}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    private static final int TASKS = 60;
    private static final String JWT_SECRET = "cluster-test-secret-that-is-long-enough-0123456789";
    private static final int ETCD_LEASE_SECONDS = 3;
    private static final Duration ETCD_OUTAGE = Duration.ofSeconds(10);
    /** Time for fires under way to arrive and be recorded after a fault's window. */
    private static final Duration SETTLE = Duration.ofSeconds(8);
    /** The etcd lease, one renewal and a round: when a fenced instance has certainly stopped starting fires. */
    private static final Duration FENCED_WITHIN = Duration.ofSeconds(ETCD_LEASE_SECONDS + 2);
    /**
     * When an instance cut off the database has certainly stopped starting fires: its next heartbeat (a poll
     * interval of 1 s) is refused, with a round's margin; long before its database lease of 10 s runs out.
     */
    private static final Duration FENCED_AFTER_CUT_WITHIN = Duration.ofSeconds(3);
    private static final Duration DATABASE_CUT = Duration.ofSeconds(30);
    /**
     * The cut instance leaves etcd at its first round without the database (up to the pool's 5 s connection timeout
     * plus a round) and the others take its tasks over on the watch's word, with room for a loaded machine.
     */
    private static final Duration TAKEN_OVER_WITHIN = Duration.ofSeconds(15);

    @TempDir
    static Path workDir;

    private final List<ServerProcess> servers = new ArrayList<>();
    private String schema;
    private EtcdServer etcd;
    private TargetServer target;
    private TcpProxy databaseOfC;
    private List<Long> ids;

    @BeforeAll
    void startCluster() throws Exception {
        schema = MariaDb.freshSchema();
        etcd = EtcdServer.start(workDir);
        target = new TargetServer();
        String[] mariaDb = MariaDb.hostPort().split(":");
        databaseOfC = new TcpProxy(mariaDb[0], Integer.parseInt(mariaDb[1]));
        for (String name : List.of("a", "b", "c")) {
            String database = name.equals("c") ? "127.0.0.1:" + databaseOfC.port() : MariaDb.hostPort();
            // one after the other: three starting at once on a small machine outlast the start timeout
            servers.add(ServerProcess.start(workDir.resolve(name), arguments(database)).awaitHealthy());
        }
        ApiClient admin = servers.getFirst().api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
        long department = admin.get("/auth/userinfo").data().get("departmentId").asLong();
        ids = ClusterIT.createTasks(admin, department, target.url("/fire"), TASKS);
        await().atMost(Duration.ofSeconds(30)).until(() -> ClusterIT.executors(schema, "scheduled_time > ?",
                Instant.now().minusSeconds(2)).size() == servers.size());
    }

    private String[] arguments(String database) {
        return new String[] {"--database.url=" + database, "--database.username=" + MariaDb.username(),
                "--database.password=" + MariaDb.password(), "--database.schema=" + schema,
                "--auth.jwtSecret=" + JWT_SECRET, "--auth.adminPassword=" + TestSettings.ADMIN_PASSWORD,
                "--cluster.etcd.endpoints=" + etcd.endpoint(),
                "--cluster.etcd.namespace=/" + schema, "--cluster.etcd.leaseSeconds=" + ETCD_LEASE_SECONDS,
                "--log.level=INFO"};
    }

    @AfterAll
    void stopCluster() {
        servers.forEach(ServerProcess::close);
        target.close();
        databaseOfC.close();
        etcd.close();
    }

    @Test
    @Order(1)
    void etcdStoppedForTenSecondsInstancesFireWithinTheirLeaseThenFenceThenConverge() throws Exception {
        Instant stopped = Instant.now();
        etcd.kill();
        Thread.sleep(ETCD_OUTAGE);
        Instant resumed = Instant.now();
        etcd.resume();
        // once every instance registered again, fires flow as before
        Instant converged = resumed.plusSeconds(ETCD_LEASE_SECONDS * 2L);
        await().atMost(Duration.ofSeconds(30)).until(() -> ClusterIT.executors(schema, "scheduled_time > ?",
                Instant.now().minusSeconds(2)).size() == servers.size());
        Thread.sleep(Duration.ofSeconds(5).plus(SETTLE));
        Instant to = Instant.now().minus(SETTLE);

        Map<String, List<Instant>> arrivals = arrivals(stopped.minusSeconds(3), to);
        List<Instant> all = arrivals.values().stream().flatMap(List::stream).toList();
        assertThat(all).as("calls in the first second of the outage, within the lease")
                .anyMatch(at -> at.isAfter(stopped) && at.isBefore(stopped.plusSeconds(1)));
        assertThat(all).as("calls once every instance is fenced, until etcd is back")
                .noneMatch(at -> at.isAfter(stopped.plus(FENCED_WITHIN)) && at.isBefore(resumed));
        assertThat(arrivals.values()).as("fires delivered twice").allSatisfy(times -> assertThat(times).hasSize(1));
        assertEveryFireArrived(converged, to);
        assertThat(firesRecordedMoreThanOnce()).as("fires recorded twice").isEmpty();
    }

    @Test
    @Order(2)
    void anInstanceCutOffTheDatabaseForLongerThanItsLeaseFencesAndTheOthersRunItsFiresOnce() throws Exception {
        ServerProcess cut = servers.get(2);
        Instant cutAt = Instant.now();
        databaseOfC.cut();
        Thread.sleep(DATABASE_CUT);
        databaseOfC.restore();
        await().atMost(Duration.ofSeconds(60)).until(() -> ClusterIT.executors(schema, "scheduled_time > ?",
                Instant.now().minusSeconds(2)).size() == servers.size());
        Thread.sleep(Duration.ofSeconds(5).plus(SETTLE));
        Instant to = Instant.now().minus(SETTLE);

        assertThat(cut.isAlive()).isTrue();
        assertEveryFireArrived(cutAt, to);
        assertThat(firesRecordedMoreThanOnce()).as("fires recorded twice").isEmpty();
        // Calls the cut instance made before it fenced cannot be known to the others, which run those fires again
        // (crashPolicy RERUN); once it fenced, no fire reaches the target twice.
        Instant fenced = cutAt.plus(FENCED_AFTER_CUT_WITHIN);
        Map<String, List<Instant>> repeated = new HashMap<>(arrivals(cutAt.minusSeconds(3), to));
        repeated.values().removeIf(times -> times.size() < 2);
        Duration latest = arrivals(cutAt, to).entrySet().stream()
                .map(fire -> Duration.between(ClusterIT.instantOf(fire.getKey()), fire.getValue().getFirst()))
                .max(Duration::compareTo).orElseThrow();
        System.out.printf("database cut of %d s: %d fires delivered twice, the latest arrived %d ms late%n",
                DATABASE_CUT.toSeconds(), repeated.size(), latest.toMillis());
        assertThat(latest).as("the latest fire: the others took the cut instance's tasks over, not it after the cut")
                .isLessThan(TAKEN_OVER_WITHIN);
        assertThat(repeated.values()).as("fires delivered twice, first after the cut instance fenced")
                .allSatisfy(times -> assertThat(times.getFirst()).isBefore(fenced));
    }

    @Test
    @Order(3)
    void theLeaderKilledAnotherInstanceLeadsTheHousekeepingAndTakesItsFiresOver() throws Exception {
        ServerProcess leader = currentLeader().orElseThrow();
        Instant killed = Instant.now();
        leader.kill();
        await().atMost(Duration.ofSeconds(ETCD_LEASE_SECONDS * 3L)).until(() -> currentLeader()
                .filter(next -> next != leader && next.isAlive()).isPresent());
        ServerProcess next = currentLeader().orElseThrow();
        assertThat(Files.readString(next.workDir().resolve("log/app.log"), StandardCharsets.UTF_8))
                .contains("leads the cluster's housekeeping");
        Thread.sleep(Duration.ofSeconds(10).plus(SETTLE));
        Instant to = Instant.now().minus(SETTLE);

        assertEveryFireArrived(killed, to);
        assertThat(firesRecordedMoreThanOnce()).as("fires recorded twice").isEmpty();
    }

    /** The server whose instance id the etcd leader key names, if any does now. */
    private Optional<ServerProcess> currentLeader() throws Exception {
        try (Client client = Client.builder().endpoints(etcd.endpoint()).build()) {
            var kvs = client.getKVClient().get(ByteSequence.from("/" + schema + "/leader", StandardCharsets.UTF_8))
                    .get(5, TimeUnit.SECONDS).getKvs();
            if (kvs.isEmpty()) {
                return Optional.empty();
            }
            String leader = kvs.getFirst().getValue().toString(StandardCharsets.UTF_8);
            return servers.stream().filter(server -> server.isAlive() && leader.contains(":" + server.pid() + ":"))
                    .findFirst();
        }
    }

    /** The arrival instants at the target of each fire scheduled in [from, to). */
    private Map<String, List<Instant>> arrivals(Instant from, Instant to) {
        Map<String, List<Instant>> arrivals = new HashMap<>();
        target.calls("/fire").forEach(call -> {
            String fireId = call.header("X-DJ-Fire-Id");
            Instant scheduled = ClusterIT.instantOf(fireId);
            if (!scheduled.isBefore(from) && scheduled.isBefore(to)) {
                arrivals.computeIfAbsent(fireId, id -> new ArrayList<>()).add(call.arrived());
            }
        });
        arrivals.values().forEach(times -> times.sort(Instant::compareTo));
        return arrivals;
    }

    /** Every task's fires reached the target for every whole second in [from, to). */
    private void assertEveryFireArrived(Instant from, Instant to) {
        Map<Long, TreeSet<Instant>> firesByTask = new HashMap<>();
        arrivals(from, to).keySet().forEach(fireId -> firesByTask.computeIfAbsent(ClusterIT.taskOf(fireId), id -> new TreeSet<>())
                .add(ClusterIT.instantOf(fireId)));
        long wholeSeconds = Duration.between(firstWholeSecondFrom(from), firstWholeSecondFrom(to)).toSeconds();
        assertThat(firesByTask.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : ids) {
            assertThat(firesByTask.get(id)).as("fires of task %d between %s and %s", id, from, to)
                    .hasSize((int) wholeSeconds);
        }
    }

    private static Instant firstWholeSecondFrom(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
    }

    private List<String> firesRecordedMoreThanOnce() throws Exception {
        List<String> fires = new ArrayList<>();
        try (Connection connection = MariaDb.connect(schema);
             ResultSet tables = connection.getMetaData().getTables(schema, null, "record\\_%", null)) {
            while (tables.next()) {
                try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(
                        "SELECT fire_id FROM " + tables.getString("TABLE_NAME") + " GROUP BY fire_id HAVING COUNT(*) > 1")) {
                    while (rs.next()) {
                        fires.add(rs.getString(1));
                    }
                }
            }
        }
        return fires;
    }
}
