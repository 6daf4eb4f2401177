package io.distributedjob.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server instance of the cluster harness, its own JVM from the built jar with the default pool settings, in a
 * directory of its own. It can be killed without warning and started again on the same port and database route.
 */
final class ClusterNode {

    private final String name;
    private final Path dir;
    private final int port;
    private final List<String> command;
    private Process process;

    ClusterNode(String name, Path dir, Path serverJar, String database, String schema, String etcd) throws Exception {
        this.name = name;
        this.dir = dir;
        this.port = Local.freePort();
        this.command = List.of(Scenario.javaCommand(), "-Xmx1g", "-jar", serverJar.toString(),
                "--server.port=" + port, "--rpc.port=0", "--log.path=" + dir.resolve("log"), "--log.level=INFO",
                "--auth.adminPassword=" + ServerApi.ADMIN_PASSWORD, "--auth.jwtSecret=" + ServerApi.JWT_SECRET,
                "--database.url=" + database, "--database.username=" + Local.MARIADB_USER,
                "--database.password=" + Local.MARIADB_PASSWORD, "--database.schema=" + schema,
                "--cluster.etcd.endpoints=" + etcd, "--cluster.etcd.namespace=/" + schema);
        Files.createDirectories(dir);
    }

    String name() {
        return name;
    }

    String base() {
        return ServerApi.base(port);
    }

    long pid() {
        return process.pid();
    }

    /** Whether this process wrote the execution records of {@code executor} (an instance id: host, pid, suffix). */
    boolean runs(String executor) {
        return process != null && process.isAlive() && executor.contains(":" + process.pid() + ":");
    }

    /** Starts the process and waits until it answers its health check. */
    void start() throws Exception {
        process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()))
                .redirectErrorStream(true).start();
        ServerApi.awaitHealthy(base(), process, dir.resolve("server.out"));
    }

    /** {@code kill -9}: the process ends at once, with no chance to hand anything back. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
