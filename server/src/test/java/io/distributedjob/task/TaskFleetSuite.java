package io.distributedjob.task;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Running with overrides, copying, bulk deletion, export and import, over real HTTP. */
public interface TaskFleetSuite extends ServerUnderTest {

    private long create(ObjectNode task) {
        ApiResult created = admin().post("/tasks/http", task);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("id").asLong();
    }

    private long root() {
        return new OrgFixture(admin()).rootDepartment();
    }

    @Test
    default void aRunWithOverridesReachesTheTargetAndLeavesTheTaskAsItWas() {
        try (TargetServer target = new TargetServer()) {
            ObjectNode task = TaskApiSuite.httpTask(root(), target.url("/hook?fixed=1"));
            task.put("body", "stored").put("headers", "{\"X-Team\":\"ops\",\"X-Env\":\"prod\"}");
            long id = create(task);

            ApiResult run = admin().post("/tasks/" + id + "/run",
                    json("body", "{\"day\":\"2026-12-01\"}", "headers", "{\"x-env\":\"staging\"}", "query", "a=1&b=2"));

            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            String fireId = run.data().get("fireId").asString();
            assertThat(fireId).startsWith(id + ":");
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls("/hook").size() == 1);
            TargetServer.Call call = target.calls("/hook").getFirst();
            assertThat(call.body()).isEqualTo("{\"day\":\"2026-12-01\"}");
            assertThat(call.query()).isEqualTo("fixed=1&a=1&b=2");
            assertThat(call.header("X-Env")).isEqualTo("staging");
            assertThat(call.header("X-Team")).isEqualTo("ops");
            assertThat(call.header("X-DJ-Fire-Id")).isEqualTo(fireId);

            JsonNode stored = admin().get("/tasks/" + id).data();
            assertThat(stored.get("body").asString()).isEqualTo("stored");
            assertThat(stored.get("url").asString()).isEqualTo(target.url("/hook?fixed=1"));
            JsonNode audit = admin().get("/audit-logs?action=RUN&targetType=TASK&size=100").data().get("list");
            assertThat(audit.valueStream().filter(e -> e.get("targetId").asLong() == id)).hasSize(1);
        }
    }

    @Test
    default void runOverridesAreValidatedByName() {
        long http = create(TaskApiSuite.httpTask(root(), TaskApiSuite.DISABLED_TARGET));
        String[][] cases = {
                {"headers", "{\"headers\":\"{\\\"Host\\\":\\\"evil\\\"}\"}"},
                {"headers", "{\"headers\":\"not json\"}"},
                {"query", "{\"query\":\"a=1#frag\"}"},
                {"query", "{\"query\":\"a b=1\"}"},
                {"grpcParams", "{\"grpcParams\":\"{}\"}"},
                {"url", "{\"url\":\"http://127.0.0.1:1/\"}"},
                {"body", "[1]"}};
        for (String[] invalid : cases) {
            ApiResult result = admin().sendRaw("POST", "/tasks/" + http + "/run", invalid[1], "application/json");
            assertThat(result.status()).as(invalid[1] + " " + result).isEqualTo(400);
            assertThat(result.code()).isEqualTo(4001);
            assertThat(result.message()).startsWith(invalid[0] + ":");
        }
        ObjectNode grpc = ApiClient.mapper().createObjectNode();
        grpc.put("name", OrgFixture.unique("grpc")).put("departmentId", root()).put("cron", "@every 5m")
                .put("grpcService", "127.0.0.1:9/acme.Jobs").put("grpcMethod", "Run").put("status", 0);
        long grpcId = admin().post("/tasks/grpc", grpc).data().get("id").asLong();
        assertThat(admin().post("/tasks/" + grpcId + "/run", json("body", "x")).message()).startsWith("body:");
        assertThat(admin().post("/tasks/" + grpcId + "/run", json("grpcParams", "[]")).message())
                .startsWith("grpcParams:");
    }

    @Test
    default void aCopyIsDisabledAndGetsAFreeName() {
        ObjectNode task = TaskApiSuite.httpTask(root(), TaskApiSuite.DISABLED_TARGET);
        task.put("status", 1).put("body", "payload");
        long id = create(task);
        String name = task.get("name").asString();

        ApiResult first = admin().post("/tasks/" + id + "/copy", null);
        ApiResult second = admin().post("/tasks/" + id + "/copy", null);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().get("name").asString()).isEqualTo(name + " (copy)");
        assertThat(second.data().get("name").asString()).isEqualTo(name + " (copy 2)");
        assertThat(first.data().get("status").asInt()).isZero();
        assertThat(first.data().get("body").asString()).isEqualTo("payload");
        assertThat(first.data().get("id").asLong()).isNotEqualTo(id);
        assertThat(admin().post("/tasks/999999999/copy", null).status()).isEqualTo(404);
    }

    @Test
    default void bulkDeletionIsAllInScopeOrNothing() {
        OrgFixture org = new OrgFixture(admin());
        long mine = org.department("ops", root());
        long other = org.department("sales", root());
        long role = org.role("task-admin", Permissions.TASK_VIEW, Permissions.TASK_DELETE);
        ApiClient user = api().login(org.user("deleter", mine, role).username(), OrgFixture.PASSWORD);
        long own1 = create(TaskApiSuite.httpTask(mine, TaskApiSuite.DISABLED_TARGET));
        long own2 = create(TaskApiSuite.httpTask(mine, TaskApiSuite.DISABLED_TARGET));
        long foreign = create(TaskApiSuite.httpTask(other, TaskApiSuite.DISABLED_TARGET));

        ApiResult refused = user.post("/tasks/batch-delete", json("ids", List.of(own1, foreign)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(admin().get("/tasks/" + own1).status()).isEqualTo(200);

        ApiResult deleted = user.post("/tasks/batch-delete", json("ids", List.of(own1, own2, 999999999L)));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.data().valueStream().map(o -> o.get("id").asLong() + "=" + o.get("outcome").asString()))
                .containsExactly(own1 + "=DELETED", own2 + "=DELETED", "999999999=NOT_FOUND");
        assertThat(admin().get("/tasks/" + own2).status()).isEqualTo(404);
        assertThat(user.post("/tasks/batch-delete", json("ids", List.of())).message()).startsWith("ids:");
        assertThat(user.post("/tasks/batch-delete", json("ids", List.of("x"))).message()).startsWith("ids:");
    }

    @Test
    default void aGrpcTasksMetadataIsExportedAndImportedBack() {
        String name = OrgFixture.unique("grpc-exported");
        ObjectNode grpc = ApiClient.mapper().createObjectNode();
        grpc.put("name", name).put("departmentId", root()).put("cron", "@every 5m").put("status", 0)
                .put("grpcService", "127.0.0.1:9/acme.Jobs").put("grpcMethod", "Run")
                .put("headers", "{\"x-tenant\":\"acme\"}");
        assertThat(admin().post("/tasks/grpc", grpc).status()).isEqualTo(200);

        JsonNode exported = admin().get("/tasks/export?keyword=" + name).body().get(0);
        assertThat(exported.get("headers").asString()).isEqualTo("{\"x-tenant\":\"acme\"}");
        String renamed = OrgFixture.unique("grpc-imported");
        ApiResult imported = admin().post("/tasks/import",
                ApiClient.mapper().createArrayNode().add(((ObjectNode) exported.deepCopy()).put("name", renamed)));
        assertThat(outcomes(imported)).containsExactly("CREATED");
        assertThat(admin().get("/tasks?keyword=" + renamed).data().get("list").get(0).get("headers").asString())
                .isEqualTo("{\"x-tenant\":\"acme\"}");
    }

    @Test
    default void anExportImportsBackAndADryRunWritesNothing() {
        long department = new OrgFixture(admin()).department("export", root());
        String keyword = OrgFixture.unique("exported");
        for (int i = 0; i < 3; i++) {
            ObjectNode task = TaskApiSuite.httpTask(department, "http://127.0.0.1:9/export/" + i);
            create(task.put("name", keyword + "-" + i).put("status", i == 0 ? 1 : 0));
        }
        ApiResult export = admin().get("/tasks/export?keyword=" + keyword);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode exported = export.body();
        assertThat(exported.isArray()).as(export.raw()).isTrue();
        assertThat(exported).hasSize(3);
        assertThat(exported.get(0).get("url").asString()).isEqualTo("http://127.0.0.1:9/export/0");
        assertThat(exported.get(0).has("id")).isFalse();

        ArrayNode rows = (ArrayNode) exported.deepCopy();
        String renamed = OrgFixture.unique("imported");
        for (int i = 0; i < rows.size(); i++) {
            ((ObjectNode) rows.get(i)).put("name", renamed + "-" + i);
        }
        ((ObjectNode) rows.get(1)).put("cron", "not a cron");
        rows.add(exported.get(2));

        ApiResult dryRun = admin().post("/tasks/import?dryRun=true", rows);
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.data().get("accepted").asInt()).isEqualTo(2);
        assertThat(outcomes(dryRun)).containsExactly("VALID", "INVALID", "VALID", "CONFLICT");
        assertThat(dryRun.data().get("rows").get(1).get("message").asString()).startsWith("cron:");
        assertThat(admin().get("/tasks?keyword=" + renamed).data().get("total").asLong()).isZero();

        ApiResult imported = admin().post("/tasks/import", rows);
        assertThat(outcomes(imported)).containsExactly("CREATED", "INVALID", "CREATED", "CONFLICT");
        JsonNode listed = admin().get("/tasks?keyword=" + renamed + "-0").data().get("list").get(0);
        assertThat(listed.get("status").asInt()).isEqualTo(1);
        assertThat(listed.get("nextExecuteTime").isNull()).isFalse();
        assertThat(listed.get("departmentId").asLong()).isEqualTo(department);
        assertThat(admin().get("/tasks?keyword=" + renamed).data().get("total").asLong()).isEqualTo(2);
        JsonNode audit = admin().get("/audit-logs?action=CREATE&targetType=TASK&size=100").data().get("list");
        assertThat(audit.valueStream().map(entry -> entry.get("detail").asString()))
                .contains("imported 2 of 4 tasks");
    }

    @Test
    default void importIsBoundToTheCallersDepartments() {
        OrgFixture org = new OrgFixture(admin());
        long mine = org.department("ops", root());
        long other = org.department("sales", root());
        long role = org.role("task-creator", Permissions.TASK_VIEW, Permissions.TASK_CREATE);
        ApiClient user = api().login(org.user("importer", mine, role).username(), OrgFixture.PASSWORD);
        ArrayNode rows = ApiClient.mapper().createArrayNode();
        rows.add(TaskApiSuite.httpTask(mine, TaskApiSuite.DISABLED_TARGET));
        rows.add(TaskApiSuite.httpTask(other, TaskApiSuite.DISABLED_TARGET));

        ApiResult result = user.post("/tasks/import", rows);

        assertThat(outcomes(result)).containsExactly("CREATED", "FORBIDDEN");
        assertThat(user.get("/tasks/export").body().valueStream().map(t -> t.get("departmentId").asLong()))
                .containsOnly(mine);
        assertThat(user.post("/tasks/import", json("name", "x")).message()).startsWith("body:");
    }

    @Test
    default void xxlJobRowsFromCsvOrJsonBecomeHttpTasks() {
        long department = new OrgFixture(admin()).department("xxl", root());
        String prefix = OrgFixture.unique("xxl");
        String csv = "id,job_group,job_desc,schedule_type,schedule_conf,glue_type,executor_handler,executor_param,"
                + "executor_timeout,executor_fail_retry_count,trigger_status,executor_block_strategy\n"
                + "1,2," + prefix + "-report,CRON,0 0/5 * * * ?,BEAN,httpJobHandler,\"url: http://127.0.0.1:9/report\n"
                + "method: put\ndata: {\"\"day\"\":1}\",15,3,1,DISCARD_LATER\n"
                + "2,2," + prefix + "-groovy,CRON,0 0 * * * ?,GLUE_GROOVY,,,0,0,1,SERIAL_EXECUTION\n"
                + "3,9," + prefix + "-elsewhere,CRON,0 0 * * * ?,BEAN,httpJobHandler,url: http://127.0.0.1:9/x,0,0,0,\n";

        ApiResult result = admin().sendRaw("POST", "/tasks/import/xxl-job?groups=2:" + department, csv, "text/csv");

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(outcomes(result)).containsExactly("CREATED", "INVALID", "INVALID");
        assertThat(result.data().get("rows").get(1).get("message").asString()).startsWith("executor_handler:");
        assertThat(result.data().get("rows").get(2).get("message").asString()).startsWith("job_group:");
        JsonNode task = admin().get("/tasks?keyword=" + prefix + "-report").data().get("list").get(0);
        assertThat(task.get("url").asString()).isEqualTo("http://127.0.0.1:9/report");
        assertThat(task.get("httpMethod").asString()).isEqualTo("PUT");
        assertThat(task.get("body").asString()).isEqualTo("{\"day\":1}");
        assertThat(task.get("cron").asString()).isEqualTo("0 0/5 * * * ?");
        assertThat(task.get("timeout").asInt()).isEqualTo(15);
        assertThat(task.get("retryCount").asInt()).isEqualTo(3);
        assertThat(task.get("status").asInt()).isEqualTo(1);
        assertThat(task.get("concurrencyPolicy").asString()).isEqualTo("FORBID");
        assertThat(task.get("departmentId").asLong()).isEqualTo(department);

        ArrayNode json = ApiClient.mapper().createArrayNode();
        json.addObject().put("jobGroup", 2).put("jobDesc", prefix + "-json").put("jobCron", "0 0 1 * * ?")
                .put("glueType", "BEAN").put("executorHandler", "httpJobHandler")
                .put("executorParam", "{\"url\":\"http://127.0.0.1:9/j\",\"method\":\"get\"}")
                .put("triggerStatus", 0);
        ApiResult dryRun = admin().post("/tasks/import/xxl-job?dryRun=true&groups=2:" + department, json);
        assertThat(outcomes(dryRun)).as(dryRun.toString()).containsExactly("VALID");
        assertThat(admin().get("/tasks?keyword=" + prefix + "-json").data().get("total").asLong()).isZero();
        assertThat(admin().post("/tasks/import/xxl-job?groups=2-x", json).message()).startsWith("groups:");
    }

    @Test
    default void aKeywordMatchesNamesThatStartWithItAndAfterIdPagesByKeyset() {
        String prefix = OrgFixture.unique("paged");
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = create(TaskApiSuite.httpTask(root(), TaskApiSuite.DISABLED_TARGET).put("name", prefix + "-" + i));
        }
        JsonNode first = admin().get("/tasks?keyword=" + prefix + "&size=2").data();
        assertThat(first.get("list").valueStream().map(t -> t.get("id").asLong())).containsExactly(ids[2], ids[1]);
        JsonNode next = admin().get("/tasks?keyword=" + prefix + "&size=2&afterId=" + ids[1]).data();
        assertThat(next.get("list").valueStream().map(t -> t.get("id").asLong())).containsExactly(ids[0]);
        assertThat(next.get("total").asLong()).isEqualTo(3);
        assertThat(admin().get("/tasks?keyword=" + prefix.substring(3)).data().get("total").asLong()).isZero();
        assertThat(admin().get("/tasks?afterId=0").message()).startsWith("afterId:");
    }

    private static List<String> outcomes(ApiResult result) {
        return result.data().get("rows").valueStream().map(row -> row.get("outcome").asString()).toList();
    }
}
