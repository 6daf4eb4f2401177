package io.distributedjob.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/** One benchmark run on one database: start the target and the server, create the tasks, measure, stop. */
final class Scenario {

    /** Lets the JIT, the pools and the backlog left by creating the tasks under load settle before measuring. */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 30));
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(90);
    /**
     * With roomy pools each poll claims two seconds of fires per task: half the claim writes of the default
     * one-second poll.
     */
    private static final int POLL_INTERVAL_MS = Integer.getInteger("bench.pollIntervalMs", 2000);
    private static final int LOOKAHEAD_MS = Integer.getInteger("bench.lookaheadMs", 4000);
    /** Extra JVM options for the server process, space separated (a flight recording, say). */
    private static final String SERVER_JVM_OPTIONS = System.getProperty("bench.serverJvmOptions", "");
    /**
     * {@code roomy}: pools and queue large enough that the target, not the scheduler, sets the pace (128 workers
     * carry 20,000 fires/s of a local target; with 512, more calls in flight cost more CPU per fire and the same
     * load fell seconds behind on 2 cores);
     * {@code defaults}: the server's own settings ({@code job.workers 5}, {@code queueSize 100}), so admission by
     * room is what is measured.
     */
    private static final String POOLS = System.getProperty("bench.pools", "roomy");
    /** Extra server arguments, space separated ({@code --job.workers=64}); keys the pool preset sets are not allowed. */
    private static final String SERVER_ARGUMENTS = System.getProperty("bench.serverArgs", "");
    private static final List<String> ROOMY_POOLS = List.of("--database.maxConn=20", "--job.workers=128",
            "--job.httpWorkers=128", "--job.queueSize=50000", "--job.claimBatchSize=1000",
            "--job.recordBatchSize=1000", "--job.recordFlushIntervalMs=200");

    /** How long the server stays down in the {@code behind} scenario: every task is that far behind at restart. */
    private static final Duration DOWN = Duration.ofSeconds(Integer.getInteger("bench.downSeconds", 20));
    private static final int STALLED_TASKS = Integer.getInteger("bench.stalledTasks", 20);
    /** The task timeout of the stalling tasks: their fires must end, timed out, this long after they start. */
    private static final int STALLED_TIMEOUT_SECONDS = 2;

    private final Kind kind;
    private final Path serverJar;
    private final Path dir;
    private final String database;
    private final int tasks;
    private final int seconds;
    private final String cron;

    Scenario(Kind kind, Path serverJar, Path dir, String database, int tasks, int seconds, String cron) {
        this.kind = kind;
        this.serverJar = serverJar;
        this.dir = dir;
        this.database = database;
        this.tasks = tasks;
        this.seconds = seconds;
        this.cron = cron;
    }

    Result run() throws Exception {
        Local.deleteRecursively(dir);
        Files.createDirectories(dir);
        String schema = database.equals("mariadb") ? Local.createSchema() : null;
        Process target = startTarget(dir);
        int targetPort = readPort(target);
        int port = Local.freePort();
        Process server = startServer(port, schema);
        try {
            String base = ServerApi.base(port);
            ServerApi.awaitHealthy(base, server, dir.resolve("server.out"));
            String token = ServerApi.login(base);
            log("creating " + tasks + " tasks");
            long setupStart = System.nanoTime();
            ServerApi.createTasks(base, token, "http://127.0.0.1:" + targetPort + "/fire", cron, tasks, "bench-", 10);
            if (kind == Kind.STALL) {
                log("creating " + STALLED_TASKS + " tasks on an endpoint that stalls after its headers");
                ServerApi.createTasks(base, token, "http://127.0.0.1:" + targetPort + "/stall", cron, STALLED_TASKS,
                        RecordScan.STALLED_PREFIX, STALLED_TIMEOUT_SECONDS);
            }
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            log("created the tasks in %.1f s".formatted(setupSeconds));
            log("warming up for " + WARM_UP.toSeconds() + " s");
            Thread.sleep(WARM_UP);
            Instant from;
            Instant ready;
            if (kind == Kind.BEHIND) {
                shutdown(port, server);
                from = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
                log("server stopped; starting it again in " + DOWN.toSeconds() + " s, every task then due");
                Thread.sleep(DOWN);
                Instant restart = Instant.now();
                server = startServer(port, schema);
                ServerApi.awaitHealthy(base, server, dir.resolve("server.out"));
                ready = Instant.now();
                log("restarted: healthy after %.1f s".formatted(Duration.between(restart, ready).toMillis() / 1000.0));
            } else {
                from = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
                ready = from;
            }
            Instant to = (kind == Kind.BEHIND ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : from)
                    .plusSeconds(seconds);
            log("measuring from " + from + " to " + to);
            ProcessSampler sampler = new ProcessSampler(server.pid());
            Local.sleepUntil(from);
            sampler.start();
            while (Instant.now().isBefore(to)) {
                Thread.sleep(SAMPLE_EVERY);
                sampler.sample();
            }
            sampler.sample();
            // let the last fires of the window finish (or time out) and their records go in
            Thread.sleep(Duration.ofSeconds(3 + (kind == Kind.STALL ? STALLED_TIMEOUT_SECONDS : 0)));
            JsonNode arrivals = ServerApi.get("http://127.0.0.1:" + targetPort + "/stats?from=" + from.toEpochMilli()
                    + "&to=" + to.toEpochMilli());
            shutdown(port, server);
            RecordScan scan = scanRecords(schema, from, to);
            long windowSeconds = Duration.between(from, to).toSeconds();
            long expected = (long) tasks * windowSeconds;
            return new Result(kind.name().toLowerCase(java.util.Locale.ROOT), database, expected, scan, setupSeconds,
                    scan.secondsUntilOnTime(ready, to, tasks), (double) scan.records / windowSeconds,
                    Percentiles.of(scan.lateness),
                    new Percentiles(arrivals.get("p50").asLong(), arrivals.get("p99").asLong(), arrivals.get("max").asLong()),
                    arrivals.get("calls").asLong(), sampler.cores(), sampler.cpuSeconds(), sampler.maxHeapMb(),
                    sampler.maxRssMb());
        } finally {
            server.destroyForcibly();
            target.destroyForcibly();
            if (schema != null) {
                Local.mariaDbExecute("DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    static Process startTarget(Path dir) throws IOException {
        String classpath = System.getProperty("java.class.path");
        return new ProcessBuilder(javaCommand(), "-Xmx512m", "-cp", classpath, TargetMain.class.getName())
                .redirectError(dir.resolve("target.err").toFile())
                .start();
    }

    static int readPort(Process target) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IllegalStateException("target did not start: " + line);
        }
        return Integer.parseInt(line.substring("PORT ".length()).strip());
    }

    private Process startServer(int port, String schema) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xms1g", "-Xmx2g"));
        if (!SERVER_JVM_OPTIONS.isBlank()) {
            command.addAll(List.of(SERVER_JVM_OPTIONS.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", serverJar.toString(),
                "--server.port=" + port, "--rpc.port=0", "--log.path=" + dir.resolve("log"), "--log.level=WARN",
                "--auth.adminPassword=" + ServerApi.ADMIN_PASSWORD, "--auth.jwtSecret=" + ServerApi.JWT_SECRET));
        command.addAll(poolArguments());
        if (!SERVER_ARGUMENTS.isBlank()) {
            command.addAll(List.of(SERVER_ARGUMENTS.strip().split("\\s+")));
        }
        if (schema == null) {
            command.add("--database.url=");
            command.add("--database.embeddedPath=" + dir.resolve("data"));
        } else {
            command.add("--database.url=" + Local.MARIADB);
            command.add("--database.username=" + Local.MARIADB_USER);
            command.add("--database.password=" + Local.MARIADB_PASSWORD);
            command.add("--database.schema=" + schema);
        }
        log("starting the server on port " + port + " over " + database);
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("server.out").toFile())
                .redirectErrorStream(true)
                .start();
    }

    private static List<String> poolArguments() {
        return switch (POOLS) {
            case "roomy" -> Stream.concat(ROOMY_POOLS.stream(), Stream.of("--job.pollIntervalMs=" + POLL_INTERVAL_MS,
                    "--job.lookaheadMs=" + LOOKAHEAD_MS)).toList();
            case "defaults" -> List.of();
            default -> throw new IllegalArgumentException("bench.pools must be roomy or defaults, not " + POOLS);
        };
    }

    private void shutdown(int port, Process server) throws Exception {
        ServerApi.get(ServerApi.base(port) + "/shutdown?wait=10");
        if (!server.waitFor(SHUTDOWN_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            log("the server did not exit within " + SHUTDOWN_WAIT.toSeconds() + " s of /shutdown: killing it");
            server.destroyForcibly().waitFor();
        }
    }

    private RecordScan scanRecords(String schema, Instant from, Instant to) throws SQLException {
        String url = schema == null
                ? "jdbc:h2:file:" + dir.resolve("data").resolve("distributedjob")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=USER,VALUE"
                : "jdbc:mariadb://" + Local.MARIADB + "/" + schema;
        return schema == null ? RecordScan.read(url, "sa", "", from, to)
                : RecordScan.read(url, Local.MARIADB_USER, Local.MARIADB_PASSWORD, from, to);
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void log(String message) {
        System.out.println("[" + database + "] " + message);
    }
}
