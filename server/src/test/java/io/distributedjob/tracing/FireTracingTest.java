package io.distributedjob.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import data.Data;
import io.distributedjob.rpc.RpcClient;
import io.distributedjob.rpc.proto.data.TaskHistoryRecord;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.GreeterServer;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.OtlpReceiver;
import io.distributedjob.support.OtlpReceiver.ReceivedSpan;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestSettings;
import io.grpc.Status;
import io.opentelemetry.proto.trace.v1.Span.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * With {@code tracing.endpoint} set, each fire is a span at a real OTLP receiver with a child span per call and
 * events for its retries and fallback; the targets receive the call's {@code traceparent}, and the record holds
 * the trace id (also in the gRPC history), its link and every attempt.
 */
class FireTracingTest extends H2ServerTest {

    private static final OtlpReceiver RECEIVER = OtlpReceiver.start();
    private static final String UI = "http://jaeger.test:16686/trace/";

    private static final int TRACE_ID_FIELD = TaskHistoryRecord.TRACE_ID_FIELD_NUMBER;

    @Value("${local.grpc.port}")
    private int grpcPort;

    @DynamicPropertySource
    static void tracing(DynamicPropertyRegistry registry) {
        registry.add("tracing.endpoint", RECEIVER::endpoint);
        registry.add("tracing.samplingRatio", () -> "1.0");
        registry.add("tracing.uiUrlTemplate", () -> UI + "{traceId}");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void anHttpFireWithARetryAndAFallbackIsOneTraceThatItsTargetsContinue() {
        try (TargetServer target = new TargetServer()) {
            target.reply("/primary", 503, "down", 0);
            target.reply("/fallback", 200, "ok", 0);
            ObjectNode task = task().put("url", target.url("/primary")).put("fallbackUrl", target.url("/fallback"))
                    .put("httpMethod", "POST").put("retryCount", 1).put("retryInterval", 1);
            ApiResult created = admin().post("/tasks/http", task);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            String fireId = run(created.data().get("id").asLong());

            JsonNode record = awaitRecord(created.data().get("id").asLong());
            String traceId = record.get("traceId").asString();
            assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(record.get("traceUrl").asString()).isEqualTo(UI + traceId);
            assertThat(record.get("fireId").asString()).isEqualTo(fireId);
            assertThat(record.get("latenessMillis").asLong()).isGreaterThanOrEqualTo(0);
            JsonNode attempts = record.get("attempts");
            assertThat(attempts).hasSize(3);
            assertAttempt(attempts.get(0), 1, false, target.url("/primary"), 503, "HTTP 503");
            assertAttempt(attempts.get(1), 2, false, target.url("/primary"), 503, "HTTP 503");
            assertAttempt(attempts.get(2), 3, true, target.url("/fallback"), 200, null);

            List<String> parents = new ArrayList<>();
            for (TargetServer.Call call : concat(target.calls("/primary"), target.calls("/fallback"))) {
                String[] traceparent = call.header("traceparent").split("-");
                assertThat(traceparent[1]).as("the target continues the fire's trace").isEqualTo(traceId);
                parents.add(traceparent[2]);
            }

            ReceivedSpan fire = awaitFireSpan(traceId, 3);
            assertThat(fire.parentSpanId()).isEmpty();
            assertThat(fire.attribute("dj.fire.id")).isEqualTo(fireId);
            assertThat(fire.span().getEventsList().stream().map(Event::getName)).containsExactly("retry", "fallback");
            List<ReceivedSpan> calls = attemptSpans(traceId);
            assertThat(calls).allSatisfy(call -> assertThat(call.parentSpanId()).isEqualTo(fire.spanId()));
            assertThat(calls.stream().map(call -> call.attribute("dj.attempt"))).containsExactlyInAnyOrder("1", "2", "3");
            assertThat(calls.stream().map(ReceivedSpan::spanId))
                    .as("each call carries its own attempt span as the parent").containsExactlyInAnyOrderElementsOf(parents);
        }
    }

    @Test
    void aGrpcTargetReceivesTheTraceOfItsFireAndEachCallIsAnAttempt() {
        try (GreeterServer primary = GreeterServer.start(); GreeterServer fallback = GreeterServer.start()) {
            primary.failWith(Status.UNAVAILABLE);
            ObjectNode task = task().put("grpcService", primary.target() + "/" + GreeterServer.SERVICE)
                    .put("grpcMethod", "SayHello").put("grpcParams", "{\"name\": \"traced\"}")
                    .put("fallbackGrpcService", fallback.target() + "/" + GreeterServer.SERVICE)
                    .put("fallbackGrpcMethod", "SayHello");
            ApiResult created = admin().post("/tasks/grpc", task);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            run(created.data().get("id").asLong());

            JsonNode record = awaitRecord(created.data().get("id").asLong());
            String traceId = record.get("traceId").asString();
            assertThat(primary.traceparents()).singleElement().satisfies(tp -> assertThat(tp).contains("-" + traceId + "-"));
            assertThat(fallback.traceparents()).singleElement().satisfies(tp -> assertThat(tp).contains("-" + traceId + "-"));
            JsonNode attempts = record.get("attempts");
            assertThat(attempts).hasSize(2);
            assertAttempt(attempts.get(0), 1, false, primary.target() + "/" + GreeterServer.SERVICE + "/SayHello",
                    Status.Code.UNAVAILABLE.value(), "UNAVAILABLE");
            assertAttempt(attempts.get(1), 2, true, fallback.target() + "/" + GreeterServer.SERVICE + "/SayHello", 0, null);

            ReceivedSpan fire = awaitFireSpan(traceId, 2);
            assertThat(fire.span().getEventsList().stream().map(Event::getName)).containsExactly("fallback");

            // a client built from the spec's data.proto, which has no trace_id, reads it as field 10
            Data.TaskHistoryResponse history = RpcClient.onPort(grpcPort)
                    .login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD).data().getTaskHistory(
                            Data.TaskHistoryRequest.newBuilder().setTaskId(created.data().get("id").asLong()).build());
            assertThat(history.getRecordsList()).singleElement().satisfies(shown -> assertThat(shown.getUnknownFields()
                    .getField(TRACE_ID_FIELD).getLengthDelimitedList().getFirst().toStringUtf8()).isEqualTo(traceId));
        }
    }

    private ObjectNode task() {
        return ApiClient.mapper().createObjectNode().put("name", OrgFixture.unique("traced"))
                .put("departmentId", new OrgFixture(admin()).rootDepartment()).put("cron", "@yearly")
                .put("timeout", 30).put("status", 0);
    }

    private String run(long taskId) {
        ApiResult run = admin().post("/tasks/" + taskId + "/run", null);
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.data().get("fireId").asString();
    }

    /** The record's detail, as the console's drawer reads it. */
    private JsonNode awaitRecord(long taskId) {
        LocalDate today = LocalDate.now();
        String month = "year=" + today.getYear() + "&month=" + today.getMonthValue();
        // a running record (status 0) is listed before the fire ends: wait for the finished one
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode page = admin().get("/records?taskId=" + taskId + "&" + month).data();
            return page.get("total").asLong() == 1 && page.get("list").get(0).get("status").asInt() != 0;
        });
        long id = admin().get("/records?taskId=" + taskId + "&" + month).data().get("list").get(0).get("id").asLong();
        return admin().get("/records/" + id + "?" + month).data();
    }

    private static ReceivedSpan awaitFireSpan(String traceId, int attempts) {
        await().atMost(Duration.ofSeconds(30)).until(() -> attemptSpans(traceId).size() == attempts
                && RECEIVER.spans().stream().anyMatch(span -> isFire(span, traceId)));
        return RECEIVER.spans().stream().filter(span -> isFire(span, traceId)).findFirst().orElseThrow();
    }

    private static boolean isFire(ReceivedSpan span, String traceId) {
        return span.traceId().equals(traceId) && span.name().equals("fire");
    }

    private static List<ReceivedSpan> attemptSpans(String traceId) {
        return RECEIVER.spans().stream()
                .filter(span -> span.traceId().equals(traceId) && span.name().startsWith("attempt ")).toList();
    }

    private static void assertAttempt(JsonNode attempt, int number, boolean fallback, String target, int statusCode,
                                      String error) {
        assertThat(attempt.get("attempt").asInt()).isEqualTo(number);
        assertThat(attempt.get("fallback").asBoolean()).isEqualTo(fallback);
        assertThat(attempt.get("target").asString()).isEqualTo(target);
        assertThat(attempt.get("statusCode").asInt()).isEqualTo(statusCode);
        assertThat(attempt.get("durationMillis").asLong()).isGreaterThanOrEqualTo(0);
        if (error == null) {
            assertThat(attempt.path("error").isNull() || attempt.path("error").isMissingNode()).as("no error").isTrue();
        } else {
            assertThat(attempt.get("error").asString()).contains(error);
        }
    }

    private static List<TargetServer.Call> concat(List<TargetServer.Call> first, List<TargetServer.Call> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
