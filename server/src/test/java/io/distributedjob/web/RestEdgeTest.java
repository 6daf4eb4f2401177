package io.distributedjob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.TestSettings;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The edge of the REST API: whatever a client puts in the request line, the answer under {@code /v1} is the
 * envelope. Requests are written to a raw socket, since HTTP clients refuse to send most of these targets.
 */
class RestEdgeTest extends H2ServerTest {

    private static final List<String> PAGED_LISTS = List.of("/tasks", "/users", "/roles", "/audit-logs",
            "/alert-channels", "/executions/running", "/records?year=2026&month=1");

    @Test
    void requestTargetsTheContainerWouldRefuseOrRewriteAnswerInTheEnvelope() throws IOException {
        String token = api().post("/auth/login", ApiClient.json("username", TestSettings.ADMIN_USERNAME,
                "password", TestSettings.ADMIN_PASSWORD)).data().get("token").asString();
        Map<String, Integer> targets = new TreeMap<>(Map.ofEntries(
                Map.entry("/v1/tasks?keyword=a|b", 4001),
                Map.entry("/v1/tasks?keyword=%zz", 4001),
                Map.entry("/v1/roles/%2e%2e", 4001),
                Map.entry("/v1/roles/%2E%2E/1", 4001),
                Map.entry("/v1/tasks%2F1", 4001),
                Map.entry("/v1/tasks%5C1", 4001),
                Map.entry("/v1/tasks;jsessionid=abc", 4001),
                Map.entry("/v1/tasks/%zz", 4001),
                Map.entry("/v1/tasks/{1}", 4001),
                Map.entry("/v1/%2e%2e/v1/tasks", 4001),
                Map.entry("/v1/nothing/here", 4004)));
        SoftAssertions softly = new SoftAssertions();
        for (var target : targets.entrySet()) {
            RawResponse response = get(target.getKey(), token);
            String seen = target.getKey() + " -> " + response;
            softly.assertThat(response.contentType()).as(seen).startsWith("application/json");
            softly.assertThat(response.status()).as(seen).isEqualTo(target.getValue() == 4001 ? 400 : 404);
            if (response.contentType().startsWith("application/json")) {
                JsonNode envelope = ApiClient.mapper().readTree(response.body());
                softly.assertThat(envelope.get("code").asInt()).as(seen).isEqualTo(target.getValue());
                softly.assertThat(envelope.get("message").asString()).as(seen).isNotBlank();
            }
        }
        softly.assertAll();
    }

    @Test
    void aPageBeyondWhatAnOffsetCanReachIsInvalidOnEveryPagedList() {
        ApiClient admin = admin();
        for (String list : PAGED_LISTS) {
            String separator = list.contains("?") ? "&" : "?";
            ApiResult result = admin.get(list + separator + "page=21474838&size=100");
            assertThat(result.status()).as(list + " " + result.raw()).isEqualTo(400);
            assertThat(result.code()).isEqualTo(4001);
            assertThat(result.message()).as(list).startsWith("page");
        }
        assertThat(admin.get("/tasks?page=21474837&size=100").status()).as("the last reachable page").isEqualTo(200);
    }

    @Test
    void aPageOrSizeThatIsNoNumberIsNamedOnEveryPagedList() {
        ApiClient admin = admin();
        for (String list : PAGED_LISTS) {
            String separator = list.contains("?") ? "&" : "?";
            for (String parameter : List.of("page", "size")) {
                ApiResult result = admin.get(list + separator + parameter + "=many");
                assertThat(result.status()).as(list + " " + result.raw()).isEqualTo(400);
                assertThat(result.code()).isEqualTo(4001);
                assertThat(result.message()).as(list).isEqualTo(parameter + ": must be a number");
            }
        }
    }

    private RawResponse get(String target, String token) throws IOException {
        URI base = URI.create(api().baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawResponse.parse(socket.getInputStream());
        }
    }

    private record RawResponse(int status, String contentType, String body) {

        static RawResponse parse(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip()).findFirst().orElse("");
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawResponse(status, contentType, body);
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
