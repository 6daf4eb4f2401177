package io.distributedjob.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Running executions through the running server: listed in scope, cancelled by a user who may change tasks. */
public interface LiveExecutionApiSuite extends ServerUnderTest {

    @Test
    default void aHangingRunIsListedRunningThenCancelledOnceAndAudited() {
        CountDownLatch release = new CountDownLatch(1);
        try (TargetServer target = new TargetServer()) {
            target.answer("/hang", exchange -> {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            OrgFixture org = new OrgFixture(admin());
            long department = org.department(OrgFixture.unique("live"), org.rootDepartment());
            ObjectNode task = ApiClient.mapper().createObjectNode();
            task.put("name", OrgFixture.unique("hanging")).put("departmentId", department).put("cron", "0 0 0 1 1 *")
                    .put("url", target.url("/hang")).put("httpMethod", "GET").put("status", 0).put("timeout", 120);
            ApiResult created = admin().post("/tasks/http", task);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            long id = created.data().get("id").asLong();
            assertThat(admin().post("/tasks/" + id + "/run", null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> target.calls("/hang").size() == 1);

            JsonNode running = await().atMost(Duration.ofSeconds(10))
                    .until(() -> admin().get("/executions/running").data().get("list"), list -> !list.isEmpty());
            assertThat(running).hasSize(1);
            JsonNode record = running.get(0);
            assertThat(record.get("status").asInt()).isZero();
            assertThat(record.get("taskId").asLong()).isEqualTo(id);
            assertThat(record.get("executor").asString()).isNotBlank();
            String fireId = record.get("fireId").asString();
            String cancelPath = "/executions/" + URLEncoder.encode(fireId, StandardCharsets.UTF_8) + "/cancel";

            OrgFixture.Created viewer = org.user("viewer", department, org.role(OrgFixture.unique("view"),
                    Permissions.TASK_VIEW));
            ApiClient viewing = api().login(viewer.username(), OrgFixture.PASSWORD);
            assertThat(viewing.get("/executions/running").data().get("list")).hasSize(1);
            assertThat(viewing.post(cancelPath, null).status()).isEqualTo(403);
            long other = org.department(OrgFixture.unique("elsewhere"), org.rootDepartment());
            OrgFixture.Created outsider = org.user("outsider", other, org.role(OrgFixture.unique("change"),
                    Permissions.TASK_VIEW, Permissions.TASK_UPDATE));
            ApiClient outside = api().login(outsider.username(), OrgFixture.PASSWORD);
            assertThat(outside.get("/executions/running").data().get("list")).isEmpty();
            assertThat(outside.post(cancelPath, null).status()).isEqualTo(403);

            ApiResult cancelled = admin().post(cancelPath, null);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.data().get("cancelledBy").asString()).isEqualTo("admin");
            await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/executions/running").data().get("list")
                    .isEmpty());
            ApiResult again = admin().post(cancelPath, null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo(4009);
            assertThat(admin().post("/executions/" + id + "%3A2020-01-01T00%3A00%3A00Z/cancel", null).status())
                    .isEqualTo(404);
            assertThat(admin().post("/executions/not-a-fire/cancel", null).status()).isEqualTo(400);
            assertThat(admin().get("/audit-logs?action=CANCEL").data().get("list").get(0).get("targetId").asLong())
                    .isEqualTo(id);
        } finally {
            release.countDown();
        }
    }
}
