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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST calls a benchmark makes of a server process: health, login, creating tasks, and plain JSON requests. */
final class ServerApi {

    static final String ADMIN_PASSWORD = "Bench-admin-password-1";
    static final String JWT_SECRET = "bench-jwt-secret-of-at-least-32-bytes-long";
    /** Generous: on a shared, loaded machine a server has been seen to take minutes to start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    /** Rows per import request of whole-second tasks (a request must stay under {@code server.maxBodyBytes}). */
    private static final int IMPORT_BATCH = 1000;
    /** Import requests that {@code @every} tasks are cut into: their fires start in slots of 5 ms. */
    private static final int SPREAD_SLOTS = 200;
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

    /**
     * Creates {@code count} enabled HTTP tasks named {@code namePrefix<i>} on {@code cron} calling {@code targetUrl},
     * through {@code POST /tasks/import}. An {@code @every} grid starts at the task's creation, and one import
     * creates all its rows at the same instant, so {@code @every} tasks are imported in {@link #SPREAD_SLOTS}
     * smaller requests, each sent at the start of its own slot of the second: their fires spread over the second
     * as tasks created one by one do. Other crons fire on whole seconds whenever the task was made, and go in
     * requests of {@link #IMPORT_BATCH}.
     */
    static void createTasks(String base, String token, String targetUrl, String cron, int count, String namePrefix,
                            int timeout) throws Exception {
        long department = get(base + "/auth/userinfo", token).get("data").get("departmentId").asLong();
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(JSON.createObjectNode().put("taskType", "HTTP").put("name", namePrefix + i)
                    .put("departmentId", department).put("cron", cron).put("url", targetUrl).put("httpMethod", "POST")
                    .put("body", "{\"bench\":true}").put("timeout", timeout).put("status", 1));
        }
        boolean spread = cron.strip().toLowerCase(java.util.Locale.ROOT).startsWith("@every");
        int batch = spread ? Math.max(1, (count + SPREAD_SLOTS - 1) / SPREAD_SLOTS) : IMPORT_BATCH;
        SpreadSlots slots = new SpreadSlots();
        for (int from = 0; from < count; from += batch) {
            if (spread) {
                slots.awaitNextFree();
            }
            importTasks(base, token, rows.subList(from, Math.min(count, from + batch)));
        }
    }

    private static void importTasks(String base, String token, List<ObjectNode> rows) throws Exception {
        ArrayNode array = JSON.createArrayNode().addAll(rows);
        JsonNode answer = post(base + "/tasks/import", token, JSON.writeValueAsString(array));
        for (int attempt = 1; attempt < CREATE_ATTEMPTS && answer.get("code").asInt() == INTERNAL_ERROR; attempt++) {
            Thread.sleep(1_000);
            answer = post(base + "/tasks/import", token, JSON.writeValueAsString(array));
        }
        if (answer.get("code").asInt() != 0 || answer.get("data").get("accepted").asInt() != rows.size()) {
            throw new IllegalStateException("task import failed: " + answer.toString().substring(0,
                    Math.min(2_000, answer.toString().length())));
        }
    }

    /**
     * The slots of a second that imports of {@code @every} tasks start in: each import waits for the nearest slot
     * ahead not taken yet, so that the grids of successive imports cover the second evenly.
     */
    private static final class SpreadSlots {

        private static final long SLOT_MILLIS = 1000 / SPREAD_SLOTS;
        private final boolean[] taken = new boolean[SPREAD_SLOTS];
        private int free = SPREAD_SLOTS;

        void awaitNextFree() throws InterruptedException {
            if (free == 0) {
                java.util.Arrays.fill(taken, false);
                free = SPREAD_SLOTS;
            }
            long now = System.currentTimeMillis();
            int current = (int) (now % 1000 / SLOT_MILLIS);
            for (int ahead = 1; ahead <= SPREAD_SLOTS; ahead++) {
                int slot = (current + ahead) % SPREAD_SLOTS;
                if (!taken[slot]) {
                    taken[slot] = true;
                    free--;
                    long slotStart = now - now % 1000 + slot * SLOT_MILLIS + (slot <= current ? 1000 : 0);
                    Thread.sleep(Math.max(0, slotStart - now));
                    return;
                }
            }
        }
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
