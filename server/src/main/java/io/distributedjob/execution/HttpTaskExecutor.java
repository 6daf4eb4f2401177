package io.distributedjob.execution;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.distributedjob.config.JobSettings;
import io.distributedjob.config.TargetSettings;
import io.distributedjob.execution.HttpTargetClient.Answer;
import io.distributedjob.execution.HttpTargetClient.DeadlineExceededException;
import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.targets.TargetPolicy;
import io.distributedjob.targets.TargetRefusedException;
import io.distributedjob.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the URL of an HTTP task through one shared pooled client (connections are reused): its method, headers
 * and body, each call within the task's timeout from connecting to the last byte of the body, to the task's URL or
 * (when the fire executor asks) its fallback URL. Any status outside 2xx is a failure. Every call, and every
 * redirect it follows, carries {@code X-DJ-Fire-Id} and the W3C {@code traceparent} of its attempt's span; the target policy decides where calls may go.
 */
@Component
public class HttpTaskExecutor implements TaskExecutor, AutoCloseable {

    public static final String FIRE_ID_HEADER = "X-DJ-Fire-Id";
    private static final String USER_AGENT = "DistributedJob";

    private final HttpTargetClient client;
    private final JsonMapper json;

    @Autowired
    public HttpTaskExecutor(JsonMapper json, JobSettings settings, TargetPolicy policy) {
        this.json = json;
        this.client = new HttpTargetClient(policy, settings.httpWorkers(), settings.responseMaxBytes());
    }

    /** An executor under the built-in target policy only. */
    public HttpTaskExecutor(JsonMapper json, JobSettings settings) {
        this(json, settings, new TargetPolicy(new TargetSettings(List.of(), List.of(), "")));
    }

    @Override
    public TaskType type() {
        return TaskType.HTTP;
    }

    @Override
    public boolean hasFallback(Task task) {
        return task.definition().fallbackUrl() != null;
    }

    @Override
    public Attempt call(Fire fire, Target target) throws InterruptedException {
        return call(address(fire.task(), target), fire);
    }

    @Override
    public String address(Task task, Target target) {
        return target == Target.PRIMARY ? task.definition().url() : task.definition().fallbackUrl();
    }

    private Attempt call(String url, Fire fire) {
        Task task = fire.task();
        try {
            Answer answer = client.send(request(url, fire, task), Duration.ofSeconds(task.definition().timeout()));
            int status = answer.status();
            boolean success = status >= 200 && status < 300;
            return new Attempt(success, status, answer.body(), success ? null : "HTTP " + status);
        } catch (DeadlineExceededException e) {
            return new Attempt(false, null, null, "timed out after " + task.definition().timeout() + " s");
        } catch (TargetRefusedException e) {
            return new Attempt(false, null, null, describe(e));
        } catch (ConnectException e) {
            return new Attempt(false, null, null, "connection failed: " + describe(e));
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(false, null, null, describe(e));
        }
    }

    private HttpTargetClient.Request request(String url, Fire fire, Task task) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        Map<String, String> own = task.definition().headerValues(json);
        headers.putAll(own);
        boolean contentType = own.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Content-Type"));
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(FIRE_ID_HEADER));
        headers.put(FIRE_ID_HEADER, fire.fireId());
        TraceHeaders.addTo(headers);
        String body = task.definition().body();
        if (body == null || body.isEmpty()) {
            return new HttpTargetClient.Request(task.definition().httpMethod(), URI.create(url), headers, null);
        }
        if (!contentType) {
            headers.put("Content-Type", looksLikeJson(body) ? "application/json" : "text/plain; charset=utf-8");
        }
        return new HttpTargetClient.Request(task.definition().httpMethod(), URI.create(url), headers,
                body.getBytes(StandardCharsets.UTF_8));
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
