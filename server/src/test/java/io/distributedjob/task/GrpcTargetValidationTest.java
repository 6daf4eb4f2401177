package io.distributedjob.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Task creation reads a gRPC target with the same grammar the executor calls it by. */
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

    private ObjectNode task(String field, String grpcService) {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", OrgFixture.unique("grpc")).put("departmentId", new OrgFixture(admin()).rootDepartment())
                .put("cron", "@every 5m").put("grpcService", "127.0.0.1:50051/acme.billing.Invoices")
                .put("grpcMethod", "Close").put("status", 0);
        return task.put(field, grpcService);
    }
}
