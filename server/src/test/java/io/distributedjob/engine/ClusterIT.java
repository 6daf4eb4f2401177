package io.distributedjob.engine;

import io.distributedjob.support.Needs;
import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.ServerProcess;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestService;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three server processes (the built jar) on one MariaDB schema, 200 tasks firing every second for a minute
 * against a local HTTP endpoint, the process running the most fires killed with {@code kill -9} halfway; the
 * survivors take its tasks over. Every scheduled fire must
 * reach the endpoint (none missing), exactly once until the kill; a fire that the killed process may have
 * started before dying can arrive twice, with the same {@code X-DJ-Fire-Id}. The records hold every fire the
 * endpoint saw.
 */
@Needs(TestService.MARIADB)
class ClusterIT {

    private static final int TASKS = 200;
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final int LEASE_SECONDS = 5;
    private static final String JWT_SECRET = "cluster-test-secret-that-is-long-enough-0123456789";
    private static final Duration KILL_WINDOW_BEFORE = Duration.ofSeconds(3);
    private static final Duration KILL_WINDOW_AFTER = Duration.ofSeconds(LEASE_SECONDS + 10);

    @TempDir
    Path workDir;

    @Test
    void everyFireRunsOnceAcrossInstancesAndNoneIsLostWhenOneIsKilled() throws Exception {
        String schema = MariaDb.freshSchema();
        String[] arguments = {"--database.url=" + MariaDb.hostPort(), "--database.username=" + MariaDb.username(),
                "--database.password=" + MariaDb.password(), "--database.schema=" + schema,
                "--auth.jwtSecret=" + JWT_SECRET, "--auth.adminPassword=" + TestSettings.ADMIN_PASSWORD,
                "--job.workers=50", "--job.httpWorkers=50", "--job.queueSize=2000",
                "--job.leaseSeconds=" + LEASE_SECONDS, "--log.level=WARN"};
        List<ServerProcess> servers = new ArrayList<>();
        try (TargetServer target = new TargetServer()) {
            // the first one migrates the schema alone; the others join it
            servers.add(ServerProcess.start(workDir.resolve("a"), arguments).awaitHealthy());
            servers.add(ServerProcess.start(workDir.resolve("b"), arguments));
            servers.add(ServerProcess.start(workDir.resolve("c"), arguments));
            servers.get(1).awaitHealthy();
            servers.get(2).awaitHealthy();
            ApiClient creator = servers.get(0).api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
            long department = creator.get("/auth/userinfo").data().get("departmentId").asLong();

            List<Long> ids = createTasks(creator, department, target.url("/fire"));
            Instant started = Instant.now();
            Thread.sleep(RUN.dividedBy(2));
            // a task stays with the instance that claims it while it has fires in flight: kill one that has some
            String victim = busiestExecutor(schema, Instant.now().minus(KILL_WINDOW_BEFORE));
            ServerProcess killedServer = servers.stream().filter(server -> victim.contains(":" + server.pid() + ":"))
                    .findFirst().orElseThrow();
            Instant killed = Instant.now();
            killedServer.kill();
            ServerProcess survivor = servers.stream().filter(ServerProcess::isAlive).findFirst().orElseThrow();
            ApiClient admin = survivor.api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
            Thread.sleep(RUN.dividedBy(2));
            Instant stopping = Instant.now();
            for (long id : ids) {
                assertThat(admin.patch("/tasks/" + id + "/status", json("status", 0)).status()).isEqualTo(200);
            }
            // let fires already on their way arrive and the survivors write their records
            Thread.sleep(Duration.ofSeconds(5));

            Map<String, Integer> arrivals = new HashMap<>();
            target.calls("/fire").forEach(call -> arrivals.merge(call.header("X-DJ-Fire-Id"), 1, Integer::sum));
            Map<Long, TreeSet<Instant>> firesByTask = new HashMap<>();
            arrivals.keySet().forEach(fireId -> firesByTask.computeIfAbsent(taskOf(fireId), id -> new TreeSet<>())
                    .add(instantOf(fireId)));

            assertThat(firesByTask.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            for (long id : ids) {
                TreeSet<Instant> fires = firesByTask.get(id);
                Instant first = fires.first();
                Instant last = fires.last();
                assertThat(first).as("first fire of task %d", id).isBefore(started.plusSeconds(2));
                assertThat(last).as("last fire of task %d", id).isAfter(stopping.minusSeconds(2));
                long expected = Duration.between(first, last).toSeconds() + 1;
                assertThat(fires).as("fires of task %d between %s and %s", id, first, last).hasSize((int) expected);
            }
            Instant windowStart = killed.minus(KILL_WINDOW_BEFORE);
            Instant windowEnd = killed.plus(KILL_WINDOW_AFTER);
            List<String> duplicates = arrivals.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            assertThat(duplicates).as("fires that arrived twice").allSatisfy(fireId ->
                    assertThat(instantOf(fireId)).isBetween(windowStart, windowEnd));

            // the tasks are shared out: every instance ran fires before the kill
            assertThat(executors(schema, "scheduled_time < ?", killed)).as("instances that ran fires before the kill")
                    .hasSize(3).contains(victim);
            assertThat(executors(schema, "scheduled_time > ?", windowEnd)).as("instances that ran fires after the kill")
                    .isNotEmpty().doesNotContain(victim);
            Map<String, Integer> recorded = recordedFires(schema);
            assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(arrivals.keySet());
            assertThat(recorded.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                    .allSatisfy(fireId -> assertThat(instantOf(fireId)).isBetween(windowStart, windowEnd));
            System.out.printf("cluster: %d fires, %d arrived twice, %d recorded twice%n", arrivals.size(),
                    duplicates.size(), recorded.values().stream().filter(count -> count > 1).count());
        } finally {
            servers.forEach(ServerProcess::close);
        }
    }

    static List<Long> createTasks(ApiClient admin, long department, String url) throws Exception {
        return createTasks(admin, department, url, TASKS);
    }

    /** Creates {@code count} enabled HTTP tasks firing every second at {@code url}; returns their ids. */
    static List<Long> createTasks(ApiClient admin, long department, String url, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<ApiResult>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ObjectNode task = ApiClient.mapper().createObjectNode();
                task.put("name", "cluster-" + i).put("departmentId", department).put("cron", "* * * * * *")
                        .put("url", url).put("httpMethod", "POST").put("body", "{}").put("status", 1);
                created.add(threads.submit(() -> admin.post("/tasks/http", task)));
            }
            for (Future<ApiResult> result : created) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(200);
                ids.add(result.get().data().get("id").asLong());
            }
        }
        return ids;
    }

    static Map<String, Integer> recordedFires(String schema) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = MariaDb.connect(schema); Statement statement = connection.createStatement()) {
            for (String table : recordTables(connection)) {
                try (ResultSet rs = statement.executeQuery("SELECT fire_id FROM " + table + " WHERE success = 1")) {
                    while (rs.next()) {
                        counts.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** The instance that recorded the most fires scheduled since {@code since}. */
    static String busiestExecutor(String schema, Instant since) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = MariaDb.connect(schema)) {
            for (String table : recordTables(connection)) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT executor, COUNT(*) FROM " + table + " WHERE scheduled_time >= ? GROUP BY executor")) {
                    statement.setObject(1, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            counts.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                        }
                    }
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    static Set<String> executors(String schema, String condition, Instant instant) throws Exception {
        try (Connection connection = MariaDb.connect(schema)) {
            Set<String> executors = new HashSet<>();
            for (String table : recordTables(connection)) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT executor FROM " + table + " WHERE " + condition)) {
                    statement.setObject(1, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            executors.add(rs.getString(1));
                        }
                    }
                }
            }
            return executors;
        }
    }

    private static List<String> recordTables(Connection connection) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name LIKE 'record\\_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    static long taskOf(String fireId) {
        return Long.parseLong(fireId.substring(0, fireId.indexOf(':')));
    }

    static Instant instantOf(String fireId) {
        return Instant.parse(fireId.substring(fireId.indexOf(':') + 1));
    }
}
