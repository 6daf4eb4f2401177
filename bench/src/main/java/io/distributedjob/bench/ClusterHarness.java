package io.distributedjob.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.distributedjob.support.TcpProxy;
import tools.jackson.databind.JsonNode;

/**
 * The cluster harness: three server instances (separate JVMs, default pool settings) on one MariaDB schema,
 * coordinating through a real etcd, with {@code bench.tasks} every-second HTTP tasks against the benchmark's target.
 * After a warm-up it kills the busiest instance with {@code kill -9} at random instants {@code bench.kills} times,
 * starting it again after each kill, then cuts one instance off the database for {@code bench.cutSeconds}, and
 * reports lost fires, duplicate records, duplicate deliveries, failover and lateness ({@link ClusterReport}).
 */
public final class ClusterHarness {

    private static final String CRON = "* * * * * *";
    private static final int TASK_TIMEOUT_SECONDS = 10;
    /** The instance that recorded the most fires scheduled this far back is the busiest. */
    private static final Duration BUSY_WINDOW = Duration.ofSeconds(10);
    /** Random pause between one instance being back and the next kill. */
    private static final int MIN_PAUSE_MS = 5_000;
    private static final int MAX_PAUSE_MS = 15_000;
    /** How long the cluster runs undisturbed after the cut, so that the window ends on a settled cluster. */
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Lets the last fires of the window finish and their records go in before they are read. */
    private static final Duration DRAIN = Duration.ofSeconds(15);

    record Kill(String node, String executor, Instant at, Duration restart) {
    }

    record Cut(String node, String executor, Instant from, Instant to) {
    }

    private ClusterHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path serverJar = Path.of(System.getProperty("bench.serverJar", "server/target/distributedjob.jar")).toAbsolutePath();
        Path dir = Path.of(System.getProperty("bench.workDir", "bench/target/cluster")).toAbsolutePath();
        int tasks = Integer.getInteger("bench.tasks", 1_000);
        int kills = Integer.getInteger("bench.kills", 10);
        Duration cut = Duration.ofSeconds(Integer.getInteger("bench.cutSeconds", 30));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 30));
        long seed = Long.getLong("bench.seed", System.nanoTime());
        if (!Files.isRegularFile(serverJar)) {
            throw new IllegalStateException("server jar not found at " + serverJar + ": build it first (mvn -DskipTests package)");
        }
        Local.deleteRecursively(dir);
        Files.createDirectories(dir);
        String schema = Local.createSchema();
        List<ClusterNode> nodes = new ArrayList<>();
        Process target = Scenario.startTarget(dir);
        try (EtcdProcess etcd = EtcdProcess.start(dir); TcpProxy proxy = Local.proxyToMariaDb()) {
            int targetPort = Scenario.readPort(target);
            for (String name : List.of("a", "b", "c")) {
                // c reaches the database through the proxy, so that it alone can be cut off
                String database = name.equals("c") ? "127.0.0.1:" + proxy.port() : Local.MARIADB;
                nodes.add(new ClusterNode(name, dir.resolve(name), serverJar, database, schema, etcd.endpoint()));
            }
            // one after the other: the first migrates the schema, and three starting at once overload two cores
            for (ClusterNode node : nodes) {
                log("starting instance " + node.name());
                node.start();
            }
            String base = nodes.getFirst().base();
            log("creating " + tasks + " tasks on '" + CRON + "'");
            ServerApi.createTasks(base, ServerApi.login(base), "http://127.0.0.1:" + targetPort + "/fire", CRON, tasks,
                    "cluster-", TASK_TIMEOUT_SECONDS);
            log("warming up for " + warmUp.toSeconds() + " s");
            Thread.sleep(warmUp);
            Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Local.sleepUntil(from);
            ClusterRecords records = new ClusterRecords(schema);
            Random random = new Random(seed);
            List<Kill> killed = new ArrayList<>();
            for (int i = 1; i <= kills; i++) {
                Thread.sleep(random.nextInt(MIN_PAUSE_MS, MAX_PAUSE_MS));
                killed.add(killBusiest(nodes, records, i));
            }
            Thread.sleep(random.nextInt(MIN_PAUSE_MS, MAX_PAUSE_MS));
            ClusterNode cutNode = nodes.getLast();
            String cutExecutor = records.executors(Instant.now().minus(BUSY_WINDOW)).stream().filter(cutNode::runs)
                    .findFirst().orElse("instance " + cutNode.name());
            log("cutting instance " + cutNode.name() + " off the database for " + cut.toSeconds() + " s");
            Instant cutFrom = Instant.now();
            proxy.cut();
            Thread.sleep(cut);
            proxy.restore();
            Cut databaseCut = new Cut(cutNode.name(), cutExecutor, cutFrom, Instant.now());
            log("database restored; running " + SETTLE.toSeconds() + " s more");
            Thread.sleep(SETTLE);
            Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Thread.sleep(DRAIN);
            String window = "?from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli();
            JsonNode stats = ServerApi.get("http://127.0.0.1:" + targetPort + "/stats" + window);
            JsonNode duplicates = ServerApi.get("http://127.0.0.1:" + targetPort + "/duplicates" + window);
            for (ClusterNode node : nodes) {
                node.kill();
            }
            ClusterReport report = ClusterReport.of(records, tasks, from, to, killed, databaseCut, stats, duplicates);
            String text = report.render(seed);
            Files.writeString(dir.resolve("report.md"), text);
            System.out.println();
            System.out.println(text);
        } finally {
            for (ClusterNode node : nodes) {
                node.kill();
            }
            target.destroyForcibly();
            Local.mariaDbExecute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    private static Kill killBusiest(List<ClusterNode> nodes, ClusterRecords records, int round) throws Exception {
        Instant giveUp = Instant.now().plus(BUSY_WINDOW);
        Optional<String> busiest = records.busiestExecutor(Instant.now().minus(BUSY_WINDOW));
        // on a loaded machine the records of the last seconds may still be on their way
        while (busiest.isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(1_000);
            busiest = records.busiestExecutor(Instant.now().minus(BUSY_WINDOW));
        }
        String executor = busiest.orElseThrow(() -> new IllegalStateException("no fire recorded in the last "
                + BUSY_WINDOW.toSeconds() + " s"));
        ClusterNode victim = nodes.stream().filter(node -> node.runs(executor)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the busiest instance " + executor + " is none of ours"));
        Instant at = Instant.now();
        victim.kill();
        log("kill " + round + ": instance " + victim.name() + " (" + executor + ") killed; starting it again");
        victim.start();
        Duration restart = Duration.between(at, Instant.now());
        log("kill " + round + ": instance " + victim.name() + " back after " + restart.toMillis() + " ms");
        return new Kill(victim.name(), executor, at, restart);
    }

    private static void log(String message) {
        System.out.println("[cluster " + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "] " + message);
    }
}
