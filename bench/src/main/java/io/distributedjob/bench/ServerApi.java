package io.distributedjob.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST calls a benchmark makes of a server process: health, login, creating tasks, and plain JSON requests. */
final class ServerApi {

    static final String ADMIN_PASSWORD = "Bench-admin-password-1";
    static final String JWT_SECRET = "bench-jwt-secret-of-at-least-32-bytes-long";
    /** Generous: on a shared, loaded machine a server has been seen to take minutes to start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final int CREATE_CONCURRENCY = 8;
    private static final int CREATE_ATTEMPTS = 3;
    private static final int INTERNAL_ERROR = 5000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServerApi() {
    }

    static String base(int port) {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** Waits until {@code /health} answers 200; {@code log} is where the process writes, named if it dies. */
    static void awaitHealthy(String base, Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited: see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become healthy: see " + log);
    }

    static String login(String base) throws Exception {
        JsonNode body = post(base + "/auth/login", null, "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        return body.get("data").get("token").asString();
    }

    /** Creates {@code count} enabled HTTP tasks named {@code namePrefix<i>} on {@code cron} calling {@code targetUrl}. */
    static void createTasks(String base, String token, String targetUrl, String cron, int count, String namePrefix,
                            int timeout) throws Exception {
        long department = get(base + "/auth/userinfo", token).get("data").get("departmentId").asLong();
        Semaphore permits = new Semaphore(CREATE_CONCURRENCY);
        List<Future<JsonNode>> created = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String task = JSON.writeValueAsString(JSON.createObjectNode()
                        .put("name", namePrefix + i).put("departmentId", department).put("cron", cron)
                        .put("url", targetUrl).put("httpMethod", "POST").put("body", "{\"bench\":true}")
                        .put("timeout", timeout).put("status", 1));
                permits.acquire();
                created.add(threads.submit(() -> {
                    try {
                        return createTask(base, token, task);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<JsonNode> future : created) {
                JsonNode answer = future.get();
                if (answer.get("code").asInt() != 0) {
                    throw new IllegalStateException("task creation failed: " + answer);
                }
            }
        }
    }

    /**
     * Creates one task, asking again after an internal error: on a loaded machine a server with the default pool
     * may find no database connection in time, and then it created nothing.
     */
    private static JsonNode createTask(String base, String token, String task) throws Exception {
        JsonNode answer = post(base + "/tasks/http", token, task);
        for (int attempt = 1; attempt < CREATE_ATTEMPTS && answer.get("code").asInt() == INTERNAL_ERROR; attempt++) {
            Thread.sleep(1_000);
            answer = post(base + "/tasks/http", token, task);
        }
        return answer;
    }

    static JsonNode post(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    static JsonNode get(String url) throws Exception {
        return get(url, null);
    }

    static JsonNode get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
