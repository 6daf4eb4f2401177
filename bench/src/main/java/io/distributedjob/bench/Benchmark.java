package io.distributedjob.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the scheduling benchmark: for each database, one server process (the built jar) with
 * {@code bench.tasks} HTTP tasks on {@code bench.cron} against a target in another process, measured for
 * {@code bench.seconds}. Prints sustained fires per second, lateness (start minus scheduled instant, from the
 * execution records, and arrival at the target), lost and duplicated fires, CPU and heap of the server.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path serverJar = Path.of(System.getProperty("bench.serverJar", "server/target/distributedjob.jar")).toAbsolutePath();
        Path workDir = Path.of(System.getProperty("bench.workDir", "bench/target/bench")).toAbsolutePath();
        int tasks = Integer.getInteger("bench.tasks", 10_000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        Kind kind = Kind.parse(System.getProperty("bench.scenario", "spread"));
        String cron = System.getProperty("bench.cron", "").isBlank() ? kind.defaultCron() : System.getProperty("bench.cron");
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,mariadb").split(","));
        if (!Files.isRegularFile(serverJar)) {
            throw new IllegalStateException("server jar not found at " + serverJar + ": build it first (mvn -DskipTests package)");
        }
        Files.createDirectories(workDir);
        List<Result> results = new ArrayList<>();
        for (String database : databases) {
            Scenario scenario = new Scenario(kind, serverJar, workDir.resolve(database.strip()), database.strip(), tasks, seconds, cron);
            results.add(scenario.run());
        }
        System.out.println();
        System.out.println("DistributedJob scheduling benchmark, scenario " + kind + ": " + tasks + " HTTP tasks, cron '" + cron + "', "
                + seconds + " s measured, " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(Result.HEADER);
        results.forEach(result -> System.out.println(result.row()));
    }
}
