package io.distributedjob.execution;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.distributedjob.config.JobSettings;
import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the URL of an HTTP task with one shared {@link HttpClient} (connections are reused): its method, headers
 * and body, within its timeout, to the task's URL or (when the fire executor asks) its fallback URL. Any
 * status outside 2xx is a failure. Every call carries {@code X-DJ-Fire-Id}.
 */
@Component
public class HttpTaskExecutor implements TaskExecutor, AutoCloseable {

    public static final String FIRE_ID_HEADER = "X-DJ-Fire-Id";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final String USER_AGENT = "DistributedJob";

    /**
     * Responses are completed on the client's selector thread rather than handed to a pool: each call already
     * has a virtual thread waiting for it and reads the body itself, and the hand-off would cost a third of the
     * client's CPU per call.
     */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .executor(Runnable::run)
            .build();
    private final JsonMapper json;
    private final int responseMaxBytes;

    public HttpTaskExecutor(JsonMapper json, JobSettings settings) {
        this.json = json;
        this.responseMaxBytes = settings.responseMaxBytes();
    }

    @Override
    public TaskType type() {
        return TaskType.HTTP;
    }

    @Override
    public boolean hasFallback(Task task) {
        return task.fallbackUrl() != null;
    }

    @Override
    public Attempt call(Fire fire, Target target) throws InterruptedException {
        return call(target == Target.PRIMARY ? fire.task().url() : fire.task().fallbackUrl(), fire);
    }

    private Attempt call(String url, Fire fire) throws InterruptedException {
        Task task = fire.task();
        try {
            HttpRequest request = request(url, fire, task);
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body = readLimited(response.body());
            int status = response.statusCode();
            boolean success = status >= 200 && status < 300;
            return new Attempt(success, status, body, success ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Attempt(false, null, null, "timed out after " + task.timeout() + " s");
        } catch (ConnectException e) {
            return new Attempt(false, null, null, "connection failed: " + describe(e));
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(false, null, null, describe(e));
        }
    }

    private HttpRequest request(String url, Fire fire, Task task) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(task.timeout()))
                .header("User-Agent", USER_AGENT);
        boolean contentType = false;
        if (task.headers() != null) {
            JsonNode headers = json.readTree(task.headers());
            for (Map.Entry<String, JsonNode> header : headers.properties()) {
                builder.setHeader(header.getKey(), header.getValue().asString());
                contentType |= header.getKey().equalsIgnoreCase("Content-Type");
            }
        }
        builder.setHeader(FIRE_ID_HEADER, fire.fireId());
        String body = task.body();
        if (body == null || body.isEmpty()) {
            return builder.method(task.httpMethod(), HttpRequest.BodyPublishers.noBody()).build();
        }
        if (!contentType) {
            builder.header("Content-Type", looksLikeJson(body) ? "application/json" : "text/plain; charset=utf-8");
        }
        return builder.method(task.httpMethod(), HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Reads at most the configured number of bytes; a longer answer is cut (and its connection not reused). */
    private String readLimited(InputStream in) throws IOException {
        try (in) {
            byte[] kept = in.readNBytes(responseMaxBytes);
            return kept.length == 0 ? null : new String(kept, StandardCharsets.UTF_8);
        }
    }

    private static boolean looksLikeJson(String body) {
        String text = body.strip();
        return text.startsWith("{") || text.startsWith("[");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        client.close();
    }
}
