package io.distributedjob.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.task.TaskApiSuite;
import org.junit.jupiter.api.Test;
import rpc.proto.Mcp;
import tools.jackson.databind.JsonNode;

/**
 * The gRPC ModelContextService: the context of a task as a model sees it.
 */
interface RpcModelContextSuite extends RpcFixture {

    @Test
    default void modelContextOfAScheduledTaskListsItsNextFires() {
        RpcClient admin = rpcAdmin();
        long id = admin.scheduler().scheduleTask(httpTask("context").setCronExpression("0 */10 * * * *").build()).getTaskId();

        JsonNode context = ApiClient.mapper().readTree(admin.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId(" Task:" + id + " ").build()).getContext());

        assertThat(context.get("generatedAt").asString()).matches(ISO_WITH_OFFSET);
        JsonNode schedule = context.get("schedule");
        assertThat(schedule.get("cron").asString()).isEqualTo("0 */10 * * * *");
        List<OffsetDateTime> fires = new ArrayList<>();
        schedule.get("nextFireTimes").forEach(time -> fires.add(OffsetDateTime.parse(time.asString())));
        assertThat(fires).hasSize(5).isSorted();
        assertThat(fires.getFirst()).isAfter(OffsetDateTime.now().minusSeconds(1));
        assertThat(fires).allSatisfy(time -> assertThat(time.getMinute() % 10).isZero());
        assertThat(Duration.between(fires.get(0), fires.get(1))).isEqualTo(Duration.ofMinutes(10));
        assertThat(OffsetDateTime.parse(context.get("task").get("nextExecuteTime").asString()).toInstant())
                .isEqualTo(fires.getFirst().toInstant());
        assertThat(context.get("statistics").get("total").asLong()).isZero();
        assertThat(context.get("lastExecutions")).isEmpty();
    }

    @Test
    default void theModelContextOfATaskMasksSecretHeadersForThoseWhoCannotChangeIt() throws Exception {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("secrets", org.rootDepartment());
        long id = admin().post("/tasks/http", TaskApiSuite.httpTask(department, TaskApiSuite.DISABLED_TARGET)
                .put("headers", "{\"Authorization\":\"Bearer s3cr3t\",\"X-Trace\":\"visible\"}")).data().get("id").asLong();
        RpcClient viewer = rpc().login(org.user("viewer", department, org.role("viewer", Permissions.TASK_VIEW)).username(),
                OrgFixture.PASSWORD);
        Mcp.ModelContextRequest request = Mcp.ModelContextRequest.newBuilder().setModelId("task:" + id).build();

        JsonNode seenByViewer = ApiClient.mapper().readTree(ApiClient.mapper().readTree(
                viewer.modelContext().getModelContext(request).getContext()).get("task").get("headers").asString());
        JsonNode seenByAdmin = ApiClient.mapper().readTree(ApiClient.mapper().readTree(
                rpcAdmin().modelContext().getModelContext(request).getContext()).get("task").get("headers").asString());

        assertThat(seenByViewer.get("Authorization").asString()).isEqualTo("******");
        assertThat(seenByViewer.get("X-Trace").asString()).isEqualTo("visible");
        assertThat(seenByAdmin.get("Authorization").asString()).isEqualTo("Bearer s3cr3t");
    }
}
