package io.distributedjob.record;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tasks firing for real through the running server: every second against a local HTTP endpoint, with their
 * request, until disabled; and the execution records and statistics that show every run.
 */
public interface FiringApiSuite extends ServerUnderTest {

    @Test
    default void aTaskEverySecondFiresEachSecondUntilDisabledAndEveryRunIsRecorded() {
        try (TargetServer target = new TargetServer()) {
            long root = new OrgFixture(admin()).rootDepartment();
            ObjectNode task = ApiClient.mapper().createObjectNode();
            task.put("name", OrgFixture.unique("every-second")).put("departmentId", root).put("cron", "* * * * * *")
                    .put("url", target.url("/tick")).put("httpMethod", "PATCH").put("body", "{\"run\":true}")
                    .put("headers", "{\"X-Tenant\":\"acme\",\"Content-Type\":\"application/json\"}").put("status", 1);
            ApiResult created = admin().post("/tasks/http", task);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            long id = created.data().get("id").asLong();

            await().atMost(Duration.ofSeconds(20)).until(() -> target.calls("/tick").size() >= 5);
            assertThat(admin().patch("/tasks/" + id + "/status", json("status", 0)).status()).isEqualTo(200);
            int atDisable = target.calls("/tick").size();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> target.calls("/tick").size() <= atDisable + 1);

            List<TargetServer.Call> calls = target.calls("/tick");
            Instant first = Instant.parse(calls.getFirst().header("X-DJ-Fire-Id").substring((id + ":").length()));
            assertThat(first.getNano()).as("a cron fire is on a whole second").isZero();
            for (int i = 0; i < calls.size(); i++) {
                TargetServer.Call call = calls.get(i);
                Instant scheduled = first.plusSeconds(i);
                assertThat(call.header("X-DJ-Fire-Id")).isEqualTo(id + ":" + scheduled);
                assertThat(call.method()).isEqualTo("PATCH");
                assertThat(call.body()).isEqualTo("{\"run\":true}");
                assertThat(call.header("X-Tenant")).isEqualTo("acme");
                assertThat(Duration.between(scheduled, call.arrived())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            }

            ZoneId zone = ZoneId.systemDefault();
            LocalDate day = first.atZone(zone).toLocalDate();
            String month = "year=" + day.getYear() + "&month=" + day.getMonthValue();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    admin().get("/records?taskId=" + id + "&" + month).data().get("total").asLong() == calls.size());
            JsonNode records = admin().get("/records?taskId=" + id + "&size=100&" + month).data().get("list");
            assertThat(records.valueStream().map(r -> r.get("fireId").asString()))
                    .containsExactlyInAnyOrderElementsOf(calls.stream().map(c -> c.header("X-DJ-Fire-Id")).toList());
            JsonNode latest = records.get(0);
            assertThat(latest.get("success").asBoolean()).isTrue();
            assertThat(latest.get("status").asInt()).isEqualTo(1);
            assertThat(latest.get("statusCode").asInt()).isEqualTo(200);
            assertThat(latest.get("response").asString()).isEqualTo("ok");
            assertThat(latest.get("triggerType").asString()).isEqualTo("CRON");
            assertThat(latest.get("taskType").asString()).isEqualTo("HTTP");
            assertThat(latest.get("executor").asString()).isNotBlank();
            assertThat(OffsetDateTime.parse(latest.get("scheduledTime").asString())).isNotNull();
            long recordId = latest.get("id").asLong();
            assertThat(admin().get("/records/" + recordId + "?" + month).data().get("fireId").asString())
                    .isEqualTo(latest.get("fireId").asString());

            JsonNode stats = admin().get("/records/stats?taskId=" + id + "&" + month).data();
            assertThat(stats.get("total").asLong()).isEqualTo(calls.size());
            assertThat(stats.get("success").asLong()).isEqualTo(calls.size());
            assertThat(stats.get("fail").asLong()).isZero();
            assertThat(stats.get("successRate").asDouble()).isEqualTo(100.0);
            assertThat(stats.get("avgCostTime").asDouble()).isGreaterThanOrEqualTo(0);
            JsonNode today = stats.get("daily").valueStream()
                    .filter(d -> d.get("date").asString().equals(day.toString())).findFirst().orElseThrow();
            assertThat(today.get("total").asLong()).isEqualTo(calls.size());
            assertThat(stats.get("daily")).hasSize(day.lengthOfMonth());

            JsonNode shown = admin().get("/tasks/" + id).data();
            assertThat(shown.get("lastExecuteTime").isNull()).isFalse();
            assertThat(shown.get("nextExecuteTime").isNull()).isTrue();
        }
    }

    @Test
    default void aFailingTargetIsRecordedWithItsStatusCodeAfterItsRetries() {
        try (TargetServer target = new TargetServer()) {
            target.reply("/broken", 502, "bad gateway", 0);
            long root = new OrgFixture(admin()).rootDepartment();
            ObjectNode task = ApiClient.mapper().createObjectNode();
            task.put("name", OrgFixture.unique("failing")).put("departmentId", root).put("cron", "@yearly")
                    .put("url", target.url("/broken")).put("httpMethod", "GET").put("retryCount", 1)
                    .put("retryInterval", 1).put("status", 0);
            long id = admin().post("/tasks/http", task).data().get("id").asLong();
            String fireId = admin().post("/tasks/" + id + "/run", null).data().get("fireId").asString();
            LocalDate day = LocalDate.now();
            String month = "year=" + day.getYear() + "&month=" + day.getMonthValue();
            // the fire's record is listed as running while its retry waits: wait for the failed, finished one
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    admin().get("/records?taskId=" + id + "&success=0&" + month).data().get("total").asLong() == 1);
            assertThat(admin().get("/records?taskId=" + id + "&" + month).data().get("total").asLong()).isEqualTo(1);
            JsonNode record = admin().get("/records?taskId=" + id + "&success=0&" + month).data().get("list").get(0);
            assertThat(record.get("fireId").asString()).isEqualTo(fireId);
            assertThat(record.get("success").asBoolean()).isFalse();
            assertThat(record.get("status").asInt()).isEqualTo(2);
            assertThat(record.get("statusCode").asInt()).isEqualTo(502);
            assertThat(record.get("error").asString()).isEqualTo("HTTP 502");
            assertThat(record.get("retryTimes").asInt()).isEqualTo(1);
            assertThat(record.get("triggerType").asString()).isEqualTo("MANUAL");
            assertThat(target.calls("/broken")).hasSize(2);
            JsonNode stats = admin().get("/records/stats?taskId=" + id + "&" + month).data();
            assertThat(stats.get("fail").asLong()).isEqualTo(1);
            assertThat(stats.get("successRate").asDouble()).isZero();
        }
    }

    @Test
    default void recordQueriesAreValidatedAndScoped() {
        assertThat(admin().get("/records?month=1").message()).startsWith("year:");
        assertThat(admin().get("/records?year=2026").message()).startsWith("month:");
        assertThat(admin().get("/records?year=2026&month=13").message()).startsWith("month:");
        assertThat(admin().get("/records?year=2026&month=1&success=2").message()).startsWith("success:");
        assertThat(admin().get("/records?year=2026&month=1&taskType=FTP").message()).startsWith("taskType:");
        assertThat(admin().get("/records/stats?year=1900&month=1").message()).startsWith("year:");
        assertThat(admin().get("/records/1?year=2001&month=1").status()).isEqualTo(404);
        assertThat(admin().get("/records/1?month=1").message()).isEqualTo("year: is required");
        assertThat(admin().get("/records/stats?year=2026&month=May").message()).isEqualTo("month: must be a number");
        assertThat(admin().post("/records/1/rerun?year=2026", null).message()).isEqualTo("month: is required");
        assertThat(admin().get("/records?year=2001&month=1").data().get("total").asLong()).isZero();

        OrgFixture org = new OrgFixture(admin());
        long department = org.department("no-records", org.rootDepartment());
        OrgFixture.Created taskOnly = org.user("task-only", department, org.role("tasks", Permissions.TASK_VIEW));
        ApiClient user = api().login(taskOnly.username(), OrgFixture.PASSWORD);
        assertThat(user.get("/records?year=2026&month=1").status()).isEqualTo(403);
        OrgFixture.Created reader = org.user("reader", department, org.role("records", Permissions.RECORD_VIEW));
        ApiClient recordReader = api().login(reader.username(), OrgFixture.PASSWORD);
        assertThat(recordReader.get("/records?year=2026&month=1&departmentId=" + org.rootDepartment()).status())
                .isEqualTo(403);
        assertThat(recordReader.get("/records/stats?year=2026&month=1").status()).isEqualTo(200);
    }
}
