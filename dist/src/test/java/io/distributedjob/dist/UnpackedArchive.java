package io.distributedjob.dist;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;

/**
 * The built tar.gz unpacked into a folder, and its server started through {@code bin/distributedjob} as an
 * operator would, from some other current directory, on free ports.
 */
final class UnpackedArchive {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path home;

    private UnpackedArchive(Path home) {
        this.home = home;
    }

    static UnpackedArchive unpack(Path into) throws Exception {
        Path archive = Path.of(property("dj.archive"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar could not unpack " + archive + ": " + output);
        }
        return new UnpackedArchive(into.resolve(property("dj.archive.name")));
    }

    Path home() {
        return home;
    }

    /** Starts {@code bin/distributedjob} in {@code currentDirectory}; does not wait for it to be ready. */
    Server start(Path currentDirectory, String... arguments) throws IOException {
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/distributedjob").toString(),
                "--server.port=" + httpPort, "--rpc.port=" + freePort()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(currentDirectory.toFile())
                .redirectOutput(currentDirectory.resolve("stdout.txt").toFile())
                .redirectError(currentDirectory.resolve("stderr.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx384m");
        return new Server(builder.start(), httpPort, currentDirectory);
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is set by the dist build (run through failsafe)");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A running server process and a small client for its REST API. */
    record Server(Process process, int httpPort, Path currentDirectory) implements AutoCloseable {

        Server awaitHealthy() {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("server exited with " + process.exitValue() + ": " + output("stderr.txt"));
                }
                try {
                    return get("/v1/health", null).statusCode() == 200;
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
            return this;
        }

        HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Logs in and returns the access token, failing if the server refuses. */
        String login(String username, String password) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(uri("/v1/auth/login")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || (int) JsonPath.read(response.body(), "$.code") != 0) {
                throw new AssertionError("login of " + username + " failed: " + response.statusCode() + " " + response.body());
            }
            return JsonPath.read(response.body(), "$.data.token");
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("server still running after " + timeout);
            }
            return process.exitValue();
        }

        String output(String file) {
            try {
                Path path = currentDirectory.resolve(file);
                return Files.exists(path) ? Files.readString(path) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + httpPort + path);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
