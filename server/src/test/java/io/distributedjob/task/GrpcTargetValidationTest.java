package io.distributedjob.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Task creation reads a gRPC target with the same grammar the executor calls it by, and the metadata sent to it. */
class GrpcTargetValidationTest extends H2ServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"billing-1:9090,billing-2:9090/acme.billing.Invoices", "[::1]:50051/acme.billing.Invoices",
            "127.0.0.1:50051, [::1]:50052/acme.billing.Invoices", "dns:///billing.internal:9090/acme.billing.Invoices",
            "localhost:50051/Invoices"})
    void everyFormTheExecutorCallsIsAccepted(String grpcService) {
        ApiResult created = admin().post("/tasks/grpc", task("grpcService", grpcService));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().get("grpcService").asString()).isEqualTo(grpcService);
    }

    @ParameterizedTest
    @ValueSource(strings = {"billing.internal/acme.billing.Invoices", "dns:///billing.internal/acme.billing.Invoices",
            "billing-1:9090,billing-2/acme.billing.Invoices", "billing:0/acme.billing.Invoices",
            "billing:70000/acme.billing.Invoices", "::1:50051/acme.billing.Invoices", "[billing]:1/acme.billing.Invoices",
            "dns:///a:1,b:2/acme.billing.Invoices", "a:1,,b:2/acme.billing.Invoices"})
    void aTargetWithoutAPortOrOtherwiseUncallableIsRefused(String grpcService) {
        for (String field : new String[] {"grpcService", "fallbackGrpcService"}) {
            ApiResult result = admin().post("/tasks/grpc", task(field, grpcService).put("fallbackGrpcMethod", "Close"));

            assertThat(result.status()).as(result.toString()).isEqualTo(400);
            assertThat(result.code()).isEqualTo(4001);
            assertThat(result.message()).startsWith(field + ": ");
        }
    }

    @Test
    void tlsIsChosenPerTaskAndPlaintextByDefault() {
        ApiResult plain = admin().post("/tasks/grpc", task("grpcService", "127.0.0.1:50051/acme.billing.Invoices"));
        ApiResult tls = admin().post("/tasks/grpc", task("grpcService", "billing.example.com:443/acme.billing.Invoices")
                .put("grpcTls", true));

        assertThat(plain.data().get("grpcTls").asBoolean()).isFalse();
        assertThat(tls.data().get("grpcTls").asBoolean()).isTrue();
        long id = tls.data().get("id").asLong();
        ObjectNode change = task("grpcService", "billing.example.com:443/acme.billing.Invoices").put("grpcTls", false);
        assertThat(admin().put("/tasks/grpc/" + id, change).status()).isEqualTo(200);
        assertThat(admin().get("/tasks/" + id).data().get("grpcTls").asBoolean()).isFalse();

        ApiResult bad = admin().post("/tasks/grpc", task("grpcService", "127.0.0.1:1/acme.X").put("grpcTls", "yes"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).isEqualTo("grpcTls: must be true or false");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "X-Tenant      | acme    | metadataKey      | 'X-Tenant' is not a valid gRPC metadata key: use lower-case letters, digits, _ . and -",
            "x tenant      | acme    | metadataKey      | 'x tenant' is not a valid gRPC metadata key: use lower-case letters, digits, _ . and -",
            ":authority    | evil    | metadataReserved | ':authority' is set by gRPC or the scheduler and cannot be configured",
            "grpc-timeout  | 1S      | metadataReserved | 'grpc-timeout' is set by gRPC or the scheduler and cannot be configured",
            "content-type  | a/b     | metadataReserved | 'content-type' is set by gRPC or the scheduler and cannot be configured",
            "te            | x       | metadataReserved | 'te' is set by gRPC or the scheduler and cannot be configured",
            "user-agent    | me      | metadataReserved | 'user-agent' is set by gRPC or the scheduler and cannot be configured",
            "host          | evil    | metadataReserved | 'host' is set by gRPC or the scheduler and cannot be configured",
            "x-dj-fire-id  | 1:2     | metadataReserved | 'x-dj-fire-id' is set by gRPC or the scheduler and cannot be configured",
            "traceparent   | 00-x    | metadataReserved | 'traceparent' is set by gRPC or the scheduler and cannot be configured",
            "tracestate    | a=b     | metadataReserved | 'tracestate' is set by gRPC or the scheduler and cannot be configured",
            "x-payload-bin | AAEC    | metadataBinary   | 'x-payload-bin' is binary metadata, which is not supported",
            "x-city        | Zürich  | metadataValue    | the value of 'x-city' must be printable ASCII",
            "x-line        | a\\nb   | metadataValue    | the value of 'x-line' must be printable ASCII",
    })
    void aMetadataKeyOrValueGrpcWouldNotSendAsTextIsRefusedNamingIt(String key, String value, String rule,
                                                                       String message) {
        ObjectNode metadata = ApiClient.mapper().createObjectNode().put(key, value.replace("\\n", "\n"));

        ApiResult refused = admin().post("/tasks/grpc", task("grpcService", "127.0.0.1:50051/acme.billing.Invoices")
                .put("headers", metadata.toString()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(4001);
        assertThat(refused.message()).isEqualTo("headers: " + message);
        assertThat(refused.data().get("messageKey").asString()).isEqualTo("validation." + rule);
        assertThat(refused.data().get("params").get("header").asString()).isEqualTo(key);
    }

    @Test
    void metadataIsStoredAndANonTextValueIsRefused() {
        String metadata = "{\"x-tenant\":\"acme\",\"x-request-source\":\"scheduler 1.0\"}";
        ApiResult created = admin().post("/tasks/grpc", task("grpcService", "127.0.0.1:50051/acme.billing.Invoices")
                .put("headers", metadata));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(admin().get("/tasks/" + created.data().get("id").asLong()).data().get("headers").asString())
                .isEqualTo(metadata);

        ApiResult number = admin().post("/tasks/grpc", task("grpcService", "127.0.0.1:50051/acme.billing.Invoices")
                .put("headers", "{\"x-count\": 1}"));
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.message()).isEqualTo("headers: the value of 'x-count' must be a string");
    }

    @Test
    void secretMetadataIsMaskedForThoseWhoCannotChangeTheTaskAndKeptWhenSentBackMasked() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("grpc-secrets", org.rootDepartment());
        String metadata = "{\"authorization\":\"Bearer s3cr3t\",\"x-api-key\":\"k-123\",\"x-tenant\":\"acme\"}";
        ObjectNode task = task("grpcService", "127.0.0.1:50051/acme.billing.Invoices").put("departmentId", department);
        long id = admin().post("/tasks/grpc", task.put("headers", metadata)).data().get("id").asLong();
        ApiClient viewer = api().login(org.user("grpc-viewer", department,
                org.role("grpc-viewer", Permissions.TASK_VIEW)).username(), OrgFixture.PASSWORD);

        JsonNode shown = ApiClient.mapper().readTree(viewer.get("/tasks/" + id).data().get("headers").asString());
        assertThat(shown.get("authorization").asString()).isEqualTo(SecretHeaders.MASK);
        assertThat(shown.get("x-api-key").asString()).isEqualTo(SecretHeaders.MASK);
        assertThat(shown.get("x-tenant").asString()).isEqualTo("acme");
        assertThat(admin().get("/tasks/" + id).data().get("headers").asString()).isEqualTo(metadata);

        ApiResult sentBackMasked = admin().put("/tasks/grpc/" + id,
                task.put("headers", "{\"authorization\":\"******\",\"x-tenant\":\"beta\"}"));
        assertThat(sentBackMasked.status()).as(sentBackMasked.toString()).isEqualTo(200);
        JsonNode stored = ApiClient.mapper().readTree(admin().get("/tasks/" + id).data().get("headers").asString());
        assertThat(stored.get("authorization").asString()).isEqualTo("Bearer s3cr3t");
        assertThat(stored.get("x-tenant").asString()).isEqualTo("beta");
        assertThat(stored.has("x-api-key")).as("a key left out is dropped").isFalse();
    }

    private ObjectNode task(String field, String grpcService) {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", OrgFixture.unique("grpc")).put("departmentId", new OrgFixture(admin()).rootDepartment())
                .put("cron", "@every 5m").put("grpcService", "127.0.0.1:50051/acme.billing.Invoices")
                .put("grpcMethod", "Close").put("status", 0);
        return task.put(field, grpcService);
    }
}
