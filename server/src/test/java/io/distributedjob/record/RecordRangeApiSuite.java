package io.distributedjob.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Records over a range of time, searched by error text, exported as CSV and run again, over real HTTP. */
public interface RecordRangeApiSuite extends ServerUnderTest {

    private long task(long department, String url) {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", OrgFixture.unique("ranged")).put("departmentId", department).put("cron", "0 0 * * *")
                .put("url", url).put("httpMethod", "POST").put("status", 0);
        ApiResult created = admin().post("/tasks/http", task);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("id").asLong();
    }

    private static String at(OffsetDateTime time) {
        return URLEncoder.encode(time.toString(), StandardCharsets.UTF_8);
    }

    @Test
    default void aRangeListsSearchesExportsAndRerunsRecords() {
        try (TargetServer target = new TargetServer()) {
            target.reply("/bad", 418, "no coffee", 0);
            long department = new OrgFixture(admin()).department("ranged", new OrgFixture(admin()).rootDepartment());
            long failing = task(department, target.url("/bad"));
            long working = task(department, target.url("/good"));
            OffsetDateTime from = OffsetDateTime.now().minusHours(1);
            String range = "from=" + at(from) + "&to=" + at(from.plusHours(2)) + "&departmentId=" + department;
            for (long id : new long[] {failing, failing, working}) {
                assertThat(admin().post("/tasks/" + id + "/run", null).status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> admin().get("/records?" + range).data().get("total").asLong() == 3);

            JsonNode totals = admin().get("/records/totals?" + range).data();
            assertThat(totals.get("total").asLong()).isEqualTo(3);
            assertThat(totals.get("fail").asLong()).isEqualTo(2);
            assertThat(totals.get("successRate").asDouble()).isEqualTo(33.33);

            ApiResult failures = admin().get("/records?" + range + "&errorKeyword=HTTP%20418");
            assertThat(failures.data().get("total").asLong()).isEqualTo(2);
            for (JsonNode record : failures.data().get("list")) {
                assertThat(record.get("taskId").asLong()).isEqualTo(failing);
                assertThat(record.get("fireId").asString()).startsWith(failing + ":");
                assertThat(record.get("latenessMillis").asLong()).isNotNegative();
            }
            assertThat(admin().get("/records?" + range + "&errorKeyword=HTTP%20419").data().get("total").asLong())
                    .isZero();
            YearMonth now = YearMonth.now();
            assertThat(admin().get("/records?year=" + now.getYear() + "&month=" + now.getMonthValue()
                    + "&departmentId=" + department).data().get("total").asLong()).isEqualTo(3);
            assertThat(admin().get("/records?from=" + at(from) + "&to=" + at(from)).message()).startsWith("to:");

            ApiResult csv = admin().sendRaw("GET", "/records/export?" + range, null, null);
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            List<String> lines = csv.raw().lines().toList();
            assertThat(lines).hasSize(4);
            List<String> header = List.of(lines.getFirst().split(","));
            assertThat(header).containsExactly("id", "fireId", "taskId", "taskName", "taskType", "departmentId",
                    "triggerType", "scheduledTime", "startTime", "endTime", "latenessMillis", "costTime", "success",
                    "status", "statusCode", "retryTimes", "usedFallback", "executor", "error");
            assertThat(lines.subList(1, 4)).filteredOn(line -> line.contains(",HTTP 418")).hasSize(2);
            for (String line : lines.subList(1, 4)) {
                List<String> fields = List.of(line.split(",", header.size()));
                String taskId = fields.get(header.indexOf("taskId"));
                assertThat(fields.get(header.indexOf("fireId"))).startsWith(taskId + ":");
                assertThat(fields.get(header.indexOf("success")))
                        .isEqualTo(taskId.equals(String.valueOf(failing)) ? "false" : "true");
                assertThat(fields.get(header.indexOf("departmentId"))).isEqualTo(String.valueOf(department));
            }

            long recordId = admin().get("/records?" + range + "&taskId=" + working).data().get("list").get(0)
                    .get("id").asLong();
            ApiResult rerun = admin().post("/records/" + recordId + "/rerun?year=" + now.getYear() + "&month="
                    + now.getMonthValue(), null);
            assertThat(rerun.status()).as(rerun.toString()).isEqualTo(200);
            String fireId = rerun.data().get("fireId").asString();
            assertThat(fireId).startsWith(working + ":");
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls("/good").size() == 2);
            assertThat(target.calls("/good").getLast().header("X-DJ-Fire-Id")).isEqualTo(fireId);
            assertThat(admin().post("/records/999999999/rerun?year=" + now.getYear() + "&month="
                    + now.getMonthValue(), null).status()).isEqualTo(404);
        }
    }
}
