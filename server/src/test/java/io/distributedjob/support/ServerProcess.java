package io.distributedjob.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A DistributedJob server running as its own process from the built jar, as an operator would start it: in a
 * working directory of its own, on free ports, with its output captured to files there.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final int httpPort;
    private final int rpcPort;
    private final Process process;

    private ServerProcess(Path workDir, int httpPort, int rpcPort, Process process) {
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
        this.process = process;
    }

    /** Starts the jar in {@code workDir} with free HTTP and gRPC ports; does not wait for it to be ready. */
    public static ServerProcess start(Path workDir, Map<String, String> environment, String... arguments) {
        int httpPort = freePort();
        int rpcPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar().toString());
        command.add("--server.port=" + httpPort);
        command.add("--rpc.port=" + rpcPort);
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("stdout.txt").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("stderr.txt").toFile()));
            builder.environment().putAll(environment);
            return new ServerProcess(workDir, httpPort, rpcPort, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerProcess start(Path workDir, String... arguments) {
        return start(workDir, Map.of(), arguments);
    }

    /** Waits until {@code /v1/health} answers 200, failing early if the process dies. */
    public ServerProcess awaitHealthy() {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ": " + stderr());
            }
            try {
                return api().get("/health").status() == 200;
            } catch (IllegalStateException notListeningYet) {
                return false;
            }
        });
        return this;
    }

    public ApiClient api() {
        return ApiClient.onPort(httpPort);
    }

    public int httpPort() {
        return httpPort;
    }

    public int rpcPort() {
        return rpcPort;
    }

    public Path workDir() {
        return workDir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("server still running after " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process without warning, like {@code kill -9}. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public String stderr() {
        return read("stderr.txt");
    }

    public String stdout() {
        return read("stdout.txt");
    }

    private String read(String file) {
        try {
            Path path = workDir.resolve(file);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar() {
        String jar = System.getProperty("dj.server.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("system property dj.server.jar must name the built server jar (run through failsafe)");
        }
        return Path.of(jar);
    }
}
