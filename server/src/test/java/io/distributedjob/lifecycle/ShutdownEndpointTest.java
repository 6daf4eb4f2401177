package io.distributedjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The refusals of {@code /shutdown}; that a valid call drains and stops the process is shown by
 * {@code ServerProcessIT}, since it ends the JVM.
 */
class ShutdownEndpointTest extends H2ServerTest {

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

    /** A request with a Host header of our choosing, which java.net.http does not allow to set. */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
