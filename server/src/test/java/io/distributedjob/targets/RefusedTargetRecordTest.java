package io.distributedjob.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a user sees of a task aimed at the cloud metadata service: a failed execution record saying the policy
 * refused it. The built-in rules refuse the address before any connection, so nothing is ever sent to it.
 */
class RefusedTargetRecordTest extends H2ServerTest {

    @Test
    void anHttpTaskOnTheMetadataServiceIsRecordedAsRefused() {
        ObjectNode task = common().put("url", "http://169.254.169.254/latest/meta-data/").put("httpMethod", "GET");
        JsonNode record = runAndAwaitRecord(admin().post("/tasks/http", task));

        assertThat(record.get("success").asBoolean()).isFalse();
        assertThat(record.get("error").asString()).isEqualTo("target policy refused 169.254.169.254");
    }

    @Test
    void aGrpcTaskOnTheMetadataServiceIsRecordedAsRefused() {
        ObjectNode task = common().put("grpcService", "[::ffff:169.254.169.254]:80/acme.Steal").put("grpcMethod", "Keys");
        JsonNode record = runAndAwaitRecord(admin().post("/tasks/grpc", task));

        assertThat(record.get("success").asBoolean()).isFalse();
        assertThat(record.get("error").asString()).contains("target policy refused ::ffff:169.254.169.254 (169.254.169.254)");
    }

    private ObjectNode common() {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        return task.put("name", OrgFixture.unique("metadata")).put("departmentId", new OrgFixture(admin()).rootDepartment())
                .put("cron", "@every 1h").put("status", 0).put("timeout", 30);
    }

    private JsonNode runAndAwaitRecord(ApiResult created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.data().get("id").asLong();
        assertThat(admin().post("/tasks/" + id + "/run", null).status()).isEqualTo(200);
        LocalDate today = LocalDate.now();
        String query = "/records?taskId=" + id + "&year=" + today.getYear() + "&month=" + today.getMonthValue();
        await().atMost(Duration.ofSeconds(20)).until(() -> admin().get(query).data().get("total").asLong() == 1);
        return admin().get(query).data().get("list").get(0);
    }
}
