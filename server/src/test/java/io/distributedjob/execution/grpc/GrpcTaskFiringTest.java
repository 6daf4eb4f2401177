package io.distributedjob.execution.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.GreeterServer;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.testgrpc.greeter.HelloRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** gRPC tasks firing for real through the running server against a target known only by its reflection service. */
class GrpcTaskFiringTest extends H2ServerTest {

    @Test
    void aTaskEverySecondCallsTheMethodWithItsParametersAndIsRecorded() {
        try (GreeterServer greeter = GreeterServer.start()) {
            long id = create(greeter.target(), "{\"name\": \"tick\", \"times\": 2, \"tags\": [\"x\"]}", 1, 0, 0, null, null);

            await().atMost(Duration.ofSeconds(20)).until(() -> greeter.calls() >= 3);
            assertThat(admin().patch("/tasks/" + id + "/status", ApiClient.json("status", 0)).status()).isEqualTo(200);

            HelloRequest expected = HelloRequest.newBuilder().setName("tick").setTimes(2).addTags("x").build();
            assertThat(greeter.requests()).allSatisfy(request -> assertThat(request).isEqualTo(expected));
            assertThat(greeter.fireIds()).doesNotHaveDuplicates()
                    .allSatisfy(fireId -> assertThat(fireId).startsWith(id + ":"));
            String month = month();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    admin().get("/records?taskId=" + id + "&" + month).data().get("total").asLong() >= 3);
            JsonNode record = admin().get("/records?taskId=" + id + "&" + month).data().get("list").get(0);
            assertThat(record.get("taskType").asString()).isEqualTo("GRPC");
            assertThat(record.get("success").asBoolean()).isTrue();
            assertThat(record.get("statusCode").asInt()).isZero();
            assertThat(record.get("response").asString()).contains("\"message\":\"hello tick\"");
            assertThat(greeter.fireIds()).contains(record.get("fireId").asString());
        }
    }

    @Test
    void retriesThePrimaryThenCallsTheFallbackOnceEachTimeWithTheTasksMetadata() {
        try (GreeterServer primary = GreeterServer.start(); GreeterServer fallback = GreeterServer.start()) {
            primary.failWith(Status.UNAVAILABLE);
            long id = create(primary.target(), "{\"name\": \"important\"}", 0, 2, 1,
                    fallback.target() + "/" + GreeterServer.SERVICE, "{\"x-api-key\": \"k-123\", \"x-tenant\": \"acme\"}");

            ApiResult run = admin().post("/tasks/" + id + "/run", null);
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            String month = month();
            // the fire is listed as running (status 0) while its retries wait: wait for it to finish
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode page = admin().get("/records?taskId=" + id + "&" + month).data();
                return page.get("total").asLong() == 1 && page.get("list").get(0).get("status").asInt() != 0;
            });

            assertThat(primary.calls()).isEqualTo(3);
            assertThat(fallback.calls()).isEqualTo(1);
            List<Instant> tries = primary.arrivals();
            for (int i = 1; i < tries.size(); i++) {
                assertThat(Duration.between(tries.get(i - 1), tries.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
            assertThat(fallback.arrivals().getFirst()).isAfter(tries.getLast());
            JsonNode record = admin().get("/records?taskId=" + id + "&" + month).data().get("list").get(0);
            assertThat(record.get("success").asBoolean()).isTrue();
            assertThat(record.get("usedFallback").asBoolean()).isTrue();
            assertThat(record.get("retryTimes").asInt()).isEqualTo(2);
            assertThat(record.get("error").asString()).contains("UNAVAILABLE");
            List<Metadata> sent = new ArrayList<>(primary.metadata());
            sent.addAll(fallback.metadata());
            assertThat(sent).hasSize(4).allSatisfy(metadata -> {
                assertThat(metadata.get(key("x-api-key"))).isEqualTo("k-123");
                assertThat(metadata.get(key("x-tenant"))).isEqualTo("acme");
                assertThat(metadata.get(key("x-dj-fire-id"))).isEqualTo(record.get("fireId").asString());
            });
        }
    }

    @Test
    void aRunCanLayOtherMetadataOverTheTasks() {
        try (GreeterServer greeter = GreeterServer.start()) {
            long id = create(greeter.target(), "{\"name\": \"once\"}", 0, 0, 0, null,
                    "{\"x-api-key\": \"k-123\", \"x-tenant\": \"acme\"}");

            ApiResult run = admin().post("/tasks/" + id + "/run", ApiClient.json("headers", "{\"x-tenant\": \"beta\"}"));
            assertThat(run.status()).as(run.toString()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> greeter.calls() == 1);
            Metadata sent = greeter.metadata().getFirst();
            assertThat(sent.get(key("x-api-key"))).isEqualTo("k-123");
            assertThat(sent.get(key("x-tenant"))).isEqualTo("beta");
        }
    }

    @Test
    void aTargetThatIsDownAndComesBackIsReachedAgainWithoutRestartingAnything() {
        try (GreeterServer greeter = GreeterServer.start()) {
            long id = create(greeter.target(), "{\"name\": \"steady\"}", 1, 0, 0, null, null);
            await().atMost(Duration.ofSeconds(20)).until(() -> greeter.calls() >= 1);

            greeter.stop();
            String month = month();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    admin().get("/records?taskId=" + id + "&success=0&" + month).data().get("total").asLong() >= 1);
            int before = greeter.calls();

            greeter.restart();
            await().atMost(Duration.ofSeconds(20)).until(() -> greeter.calls() >= before + 2);
            admin().patch("/tasks/" + id + "/status", ApiClient.json("status", 0));
        }
    }

    private long create(String target, String params, int status, int retryCount, int retryInterval,
                        String fallbackService, String headers) {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", OrgFixture.unique("grpc")).put("departmentId", new OrgFixture(admin()).rootDepartment())
                .put("cron", "* * * * * *").put("grpcService", target + "/" + GreeterServer.SERVICE)
                .put("grpcMethod", "SayHello").put("grpcParams", params).put("status", status)
                .put("timeout", 2).put("retryCount", retryCount).put("retryInterval", retryInterval);
        if (fallbackService != null) {
            task.put("fallbackGrpcService", fallbackService).put("fallbackGrpcMethod", "SayHello");
        }
        if (headers != null) {
            task.put("headers", headers);
        }
        ApiResult created = admin().post("/tasks/grpc", task);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("id").asLong();
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }

    private static String month() {
        LocalDate today = LocalDate.now();
        return "year=" + today.getYear() + "&month=" + today.getMonthValue();
    }
}
