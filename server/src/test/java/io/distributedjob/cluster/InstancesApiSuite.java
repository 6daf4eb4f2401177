package io.distributedjob.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import io.distributedjob.access.Permissions;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import io.distributedjob.task.TaskApiSuite;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/instances} on every database: the instances of the cluster as their heartbeats describe them. */
interface InstancesApiSuite extends ServerUnderTest {

    ApplicationContext context();

    default JdbcClient jdbc() {
        return context().getBean(JdbcClient.class);
    }

    @Test
    default void listsTheAnsweringInstanceAsHealthy() {
        ApiResult result = admin().get("/instances");

        assertThat(result.status()).isEqualTo(200);
        JsonNode self = find(result.data(), true);
        assertThat(self).as("the answering instance is listed").isNotNull();
        assertThat(self.get("host").asString()).isNotBlank();
        assertThat(self.get("healthy").asBoolean()).isTrue();
        OffsetDateTime started = OffsetDateTime.parse(self.get("started").asString());
        OffsetDateTime heartbeat = OffsetDateTime.parse(self.get("lastHeartbeat").asString());
        assertThat(heartbeat).isAfterOrEqualTo(started).isAfter(OffsetDateTime.now().minusMinutes(1));
    }

    @Test
    default void listsAnotherInstanceWithWhatItReportedAndTheFiresItHoldsClaimed() {
        String other = OrgFixture.unique("other-host") + ":4242:abcd1234";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ApiResult created = admin().post("/tasks/http", TaskApiSuite.httpTask(new OrgFixture(admin()).rootDepartment(),
                TaskApiSuite.DISABLED_TARGET));
        long task = created.data().get("id").asLong();
        jdbc().sql("INSERT INTO engine_instance (id, host, version, started_time, heartbeat_time, fires_running)"
                        + " VALUES (?, 'other-host', '9.9.9', ?, ?, 3)")
                .params(other, SqlTime.toDb(now.minus(Duration.ofHours(1))), SqlTime.toDb(now)).update();
        jdbc().sql("UPDATE task SET lease_owner = ? WHERE id = ?").params(other, task).update();
        try {
            JsonNode listed = find(admin().get("/instances").data(), other);

            assertThat(listed).isNotNull();
            assertThat(listed.get("host").asString()).isEqualTo("other-host");
            assertThat(listed.get("version").asString()).isEqualTo("9.9.9");
            assertThat(listed.get("firesClaimed").asLong()).isEqualTo(1);
            assertThat(listed.get("firesRunning").asInt()).isEqualTo(3);
            assertThat(listed.get("healthy").asBoolean()).isTrue();
            assertThat(listed.get("self").asBoolean()).isFalse();
            assertThat(OffsetDateTime.parse(listed.get("lastHeartbeat").asString()).toInstant()).isEqualTo(now);
        } finally {
            jdbc().sql("UPDATE task SET lease_owner = NULL WHERE id = ?").param(task).update();
            jdbc().sql("DELETE FROM engine_instance WHERE id = ?").param(other).update();
        }
    }

    @Test
    default void theAnsweringInstanceReportsTheFiresItIsRunning() {
        try (TargetServer slow = new TargetServer()) {
            slow.reply("/slow", 200, "late", 4_000);
            ObjectNode task = TaskApiSuite.httpTask(new OrgFixture(admin()).rootDepartment(), slow.url("/slow"));
            task.put("cron", "@every 1s").put("status", 1).put("httpMethod", "GET").put("timeout", 10);
            long taskId = admin().post("/tasks/http", task).data().get("id").asLong();
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(find(admin().get("/instances").data(), true).get("firesRunning").asInt())
                                .isGreaterThanOrEqualTo(1));
            } finally {
                admin().delete("/tasks/" + taskId);
            }
        }
    }

    @Test
    default void needsTheTaskViewPermission() {
        OrgFixture org = new OrgFixture(admin());
        long role = org.role(OrgFixture.unique("records-only"), Permissions.RECORD_VIEW);
        OrgFixture.Created user = org.user(OrgFixture.unique("no-task-view"), org.rootDepartment(), role);
        ApiClient client = api().login(user.username(), OrgFixture.PASSWORD);

        assertThat(client.get("/instances").status()).isEqualTo(403);
        assertThat(api().get("/instances").status()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode instances, boolean self) {
        for (JsonNode instance : instances) {
            if (instance.get("self").asBoolean() == self) {
                return instance;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode instances, String id) {
        for (JsonNode instance : instances) {
            if (instance.get("id").asString().equals(id)) {
                return instance;
            }
        }
        return null;
    }
}
