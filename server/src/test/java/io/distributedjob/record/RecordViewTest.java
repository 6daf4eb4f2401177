package io.distributedjob.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.distributedjob.config.TracingSettings;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An execution record as the REST API writes it: every field once, its times in the server's zone. */
class RecordViewTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant SCHEDULED = Instant.parse("2091-05-10T08:00:00Z");

    @Test
    void aRecordIsWrittenWithEveryFieldAndItsTimesInTheServersZone() {
        ExecutionRecord record = new ExecutionRecord(7, "nightly", "HTTP", 3, ExecutionRecord.fireId(7, SCHEDULED),
                SCHEDULED, SCHEDULED.plusMillis(250), SCHEDULED.plusMillis(1250), 1000, false, ExecutionRecord.FAILED,
                503, "busy", "HTTP 503", 1, true, TriggerType.CRON, "instance-a", "trace-1",
                List.of(new ExecutionAttempt(1, false, "http://target", 503, 400, "HTTP 503")));
        RecordView view = RecordView.of(new StoredRecord(42, record, SCHEDULED.plusSeconds(2)), ZONE,
                new TracingSettings("", 1.0, "https://traces/{traceId}"));

        JsonNode json = ApiClient.mapper().readTree(ApiClient.mapper().writeValueAsString(view));

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("id", "taskId", "taskName", "taskType",
                "departmentId", "fireId", "scheduledTime", "startTime", "endTime", "costTime", "success", "status",
                "statusCode", "response", "error", "retryTimes", "usedFallback", "triggerType", "executor",
                "createTime", "latenessMillis", "traceId", "traceUrl", "attempts");
        assertThat(json.get("id").asLong()).isEqualTo(42);
        assertThat(json.get("fireId").asString()).isEqualTo("7:2091-05-10T08:00:00Z");
        assertThat(json.get("scheduledTime").asString()).isEqualTo("2091-05-10T16:00:00+08:00");
        assertThat(json.get("startTime").asString()).isEqualTo("2091-05-10T16:00:00.25+08:00");
        assertThat(json.get("endTime").asString()).isEqualTo("2091-05-10T16:00:01.25+08:00");
        assertThat(json.get("createTime").asString()).isEqualTo("2091-05-10T16:00:02+08:00");
        assertThat(json.get("latenessMillis").asLong()).isEqualTo(250);
        assertThat(json.get("statusCode").asInt()).isEqualTo(503);
        assertThat(json.get("usedFallback").asBoolean()).isTrue();
        assertThat(json.get("triggerType").asString()).isEqualTo("CRON");
        assertThat(json.get("traceUrl").asString()).isEqualTo("https://traces/trace-1");
        assertThat(json.get("attempts").get(0).get("target").asString()).isEqualTo("http://target");
    }
}
