package io.distributedjob.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.distributedjob.rpc.RpcClient;
import io.distributedjob.support.OtlpReceiver;
import io.distributedjob.support.OtlpReceiver.ReceivedSpan;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.TestSettings;
import io.grpc.Metadata;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code tracing.endpoint} set, REST and gRPC requests arrive as server spans at a real OTLP receiver. */
class ApiTracingTest extends H2ServerTest {

    private static final OtlpReceiver RECEIVER = OtlpReceiver.start();
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @DynamicPropertySource
    static void tracing(DynamicPropertyRegistry registry) {
        registry.add("tracing.endpoint", RECEIVER::endpoint);
        registry.add("tracing.samplingRatio", () -> "1.0");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aRestRequestIsASpanNamedByItsRouteInTheCallersTrace() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api().baseUrl() + "/tasks/424242"))
                .header("Authorization", "Bearer " + adminToken())
                .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01").GET().build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        ReceivedSpan span = awaitSpan(CALLER_TRACE, "GET /tasks/{id}");
        assertThat(span.service()).isEqualTo("distributedjob");
        assertThat(span.parentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(span.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(span.attribute("http.route")).isEqualTo("/tasks/{id}");
        assertThat(span.attribute("http.response.status_code")).isEqualTo("404");
    }

    @Test
    void aGrpcCallIsASpanNamedByItsMethodInTheCallersTrace() {
        Metadata metadata = new Metadata();
        String trace = "0af7651916cd43dd8448eb211c80319c";
        metadata.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-" + trace + "-b7ad6b7169203331-01");
        HealthGrpc.newBlockingStub(RpcClient.onPort(grpcPort()).channel())
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(30, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());

        ReceivedSpan span = awaitSpan(trace, "grpc.health.v1.Health/Check");
        assertThat(span.parentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(span.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(span.attribute("rpc.system")).isEqualTo("grpc");
        assertThat(span.attribute("rpc.grpc.status_code")).isEqualTo("0");
    }

    @Test
    void aRequestWithoutACallerStartsItsOwnTrace() {
        assertThat(api().get("/auth/userinfo").status()).isEqualTo(401);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(RECEIVER.spans())
                .anySatisfy(span -> {
                    assertThat(span.name()).isEqualTo("GET /auth/userinfo");
                    assertThat(span.attribute("http.response.status_code")).isEqualTo("401");
                    assertThat(span.parentSpanId()).isEmpty();
                    assertThat(span.traceId()).hasSize(32).isNotEqualTo("0".repeat(32));
                }));
    }

    @Test
    void prometheusScrapesAndHealthProbesAreNotTraced() {
        String trace = "11111111111111111111111111111111";
        send(traced("/metrics", trace));
        send(traced("/health", trace));
        send(traced("/auth/userinfo", trace));
        awaitSpan(trace, "GET /auth/userinfo");

        assertThat(RECEIVER.spans()).noneSatisfy(span -> assertThat(span.name()).containsAnyOf("/metrics", "/health"));
    }

    private HttpRequest traced(String path, String trace) {
        return HttpRequest.newBuilder(URI.create(api().baseUrl() + path))
                .header("traceparent", "00-" + trace + "-2222222222222222-01").GET().build();
    }

    private String adminToken() {
        return api().post("/auth/login", ApiClient.json("username", TestSettings.ADMIN_USERNAME,
                "password", TestSettings.ADMIN_PASSWORD)).data().get("token").asString();
    }

    private static void send(HttpRequest request) {
        try {
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ReceivedSpan awaitSpan(String traceId, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.spans().stream()
                .filter(span -> span.traceId().equals(traceId) && span.name().equals(name)).findFirst()
                .orElse(null), span -> span != null);
    }
}
