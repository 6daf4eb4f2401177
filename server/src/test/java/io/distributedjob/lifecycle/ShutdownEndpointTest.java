package io.distributedjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.execution.Fire;
import io.distributedjob.execution.HttpTaskExecutor;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;

import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals of {@code /shutdown}; that a valid call drains and stops the process is shown by
 * {@code ServerProcessIT}, since it ends the JVM.
 */
public class ShutdownEndpointTest extends H2ServerTest {

    @LocalServerPort
    private int port;

    @Test
    void foreignHostNameIsRefused() throws IOException {
        String response = rawGet("/v1/shutdown?wait=5", "scheduler.example.com");
        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(response).contains("\"code\":4003");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "abc", "1.5", ""})
    void waitMustBeAPositiveWholeNumber(String wait) {
        ApiResult result = api().get("/shutdown?wait=" + wait);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo(4001);
        assertThat(result.message()).startsWith("wait:");
    }

    @Test
    void missingWaitIsRefused() {
        ApiResult result = api().get("/shutdown");
        assertThat(result.code()).isEqualTo(4001);
    }

    @Test
    void healthStillAnswersAfterRefusals() {
        api().get("/shutdown?wait=0");
        assertThat(api().get("/health").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Origin: http://localhost:9088", "Referer: http://localhost:9088/v1/web/",
            "Sec-Fetch-Site: same-origin", "Sec-Fetch-Mode: no-cors", "X-Forwarded-For: 127.0.0.1",
            "X-Forwarded-Host: localhost", "X-Forwarded-Proto: http", "Forwarded: for=127.0.0.1;host=localhost",
            "Via: 1.1 proxy", "X-DJ-Fire-Id: 1:2026-05-01T10:00:00Z"})
    void aBrowserAProxyOrATaskIsRefusedAndTheServerStaysUp(String header) throws IOException {
        String response = rawGet("/v1/shutdown?wait=1", "localhost", header);

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(response).contains("\"code\":4003");
        assertThat(api().get("/health").status()).isEqualTo(200);
    }

    @Test
    void anHttpTaskOnTheShutdownUrlIsRefused() throws Exception {
        try (HttpTaskExecutor executor = new HttpTaskExecutor(JsonMapper.builder().build(), TestTasks.settings(5, 10, 5))) {
            Attempt outcome = primary(executor, new Fire(
                    TestTasks.http(1, shutdownUrl()).build(), Instant.now(), TriggerType.MANUAL, false));

            assertThat(outcome.statusCode()).isEqualTo(403);
            assertThat(api().get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void anHttpTaskRedirectedToTheShutdownUrlIsRefused() throws Exception {
        try (TargetServer target = new TargetServer();
             HttpTaskExecutor executor = new HttpTaskExecutor(JsonMapper.builder().build(), TestTasks.settings(5, 10, 5))) {
            target.redirect("/innocent", 302, shutdownUrl());

            Attempt outcome = primary(executor, new Fire(
                    TestTasks.http(2, target.url("/innocent")).build(), Instant.now(), TriggerType.MANUAL, false));

            assertThat(outcome.statusCode()).isEqualTo(403);
            assertThat(api().get("/health").status()).isEqualTo(200);
        }
    }

    private String shutdownUrl() {
        return "http://127.0.0.1:" + port + "/v1/shutdown?wait=1";
    }

    /** A request with a Host header of our choosing, which java.net.http does not allow to set. */
    private String rawGet(String path, String host, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            String extra = headers.length == 0 ? "" : String.join("\r\n", headers) + "\r\n";
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One call to the task's own URL, as the fire executor makes it. */
    private static Attempt primary(HttpTaskExecutor executor, Fire fire) throws InterruptedException {
        return executor.call(fire, Target.PRIMARY);
    }
}
