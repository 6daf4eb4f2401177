package io.distributedjob.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestSettings;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MCP endpoint of a running server, driven by the MCP Java SDK's client as an assistant would drive it: the
 * tools and resources it lists, each tool's answer, refusals for a missing permission and for objects outside
 * the caller's departments, REST's error codes on bad input, the audit entry of every call, and the 401 of a
 * connection without a valid token.
 */
public interface McpApiSuite extends ServerUnderTest {

    String DISABLED_TARGET = "http://127.0.0.1:9/unused";
    long UNKNOWN_ID = 987_654_321L;

    private Map<String, Object> httpTask(long departmentId, String url, int status) {
        Map<String, Object> task = new HashMap<>();
        task.put("name", OrgFixture.unique("mcp-task"));
        task.put("departmentId", departmentId);
        task.put("cron", "0 0 12 * * *");
        task.put("timezone", "Asia/Shanghai");
        task.put("url", url);
        task.put("httpMethod", "POST");
        task.put("status", status);
        return task;
    }

    private long rootDepartment() {
        return new OrgFixture(admin()).rootDepartment();
    }

    /** A user of a new department below the root whose role grants {@code permissions}, logged in. */
    private ApiClient userWith(String... permissions) {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("mcp-dept", rootDepartment());
        OrgFixture.Created user = org.user("mcp-user", department, org.role("mcp-role", permissions));
        return api().login(user.username(), OrgFixture.PASSWORD);
    }

    @Test
    @SuppressWarnings("unchecked")
    default void listsEveryToolAndTheViewResources() {
        try (McpTestClient mcp = McpTestClient.connect(admin())) {
            List<Tool> tools = mcp.sdk().listTools().tools();
            assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("list_tasks", "get_task",
                    "create_http_task", "create_grpc_task", "update_http_task", "update_grpc_task",
                    "set_task_enabled", "run_task", "list_executions", "get_execution", "execution_statistics",
                    "explain_cron", "model_context");
            assertThat(tools).allSatisfy(tool -> assertThat(tool.description()).isNotBlank());
            Tool create = tools.stream().filter(t -> t.name().equals("create_http_task")).findFirst().orElseThrow();
            assertThat((List<Object>) create.inputSchema().get("required")).contains("name", "departmentId", "cron", "url", "httpMethod");
            assertThat(mcp.sdk().listResourceTemplates().resourceTemplates()).extracting(ResourceTemplate::uriTemplate)
                    .containsExactlyInAnyOrder("distributedjob://tasks/{id}", "distributedjob://executions/{year}/{month}/{id}");
        }
    }

    @Test
    default void createsReadsChangesAndListsAnHttpTask() {
        try (McpTestClient mcp = McpTestClient.connect(admin())) {
            Map<String, Object> definition = httpTask(rootDepartment(), DISABLED_TARGET, 1);
            McpTestClient.ToolResult created = mcp.call("create_http_task", definition);
            assertThat(created.error()).as(created.json().toString()).isFalse();
            long id = created.json().get("id").asLong();
            assertThat(created.json().get("taskType").asString()).isEqualTo("HTTP");
            assertThat(created.structured()).isInstanceOf(Map.class);
            assertThat(admin().get("/tasks/" + id).data().get("name").asString()).isEqualTo(definition.get("name"));

            JsonNode got = mcp.call("get_task", Map.of("id", id, "fires", 3)).json();
            assertThat(got.get("task").get("id").asLong()).isEqualTo(id);
            assertThat(got.get("scheduleDescription").asString()).isNotBlank().isNotEqualTo("0 0 12 * * *");
            assertThat(got.get("nextFireTimes")).hasSize(3).allSatisfy(fire -> assertThat(
                    OffsetDateTime.parse(fire.asString()).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).getHour())
                    .isEqualTo(12));

            JsonNode listed = mcp.call("list_tasks", Map.of("keyword", definition.get("name"))).json();
            assertThat(listed.get("total").asLong()).isEqualTo(1);
            assertThat(listed.get("list").get(0).get("id").asLong()).isEqualTo(id);

            Map<String, Object> changed = new HashMap<>(definition);
            changed.put("id", id);
            changed.put("name", OrgFixture.unique("renamed"));
            McpTestClient.ToolResult updated = mcp.call("update_http_task", changed);
            assertThat(updated.error()).as(updated.json().toString()).isFalse();
            assertThat(admin().get("/tasks/" + id).data().get("name").asString()).isEqualTo(changed.get("name"));

            assertThat(mcp.call("set_task_enabled", Map.of("id", id, "enabled", false)).json().get("status").asInt())
                    .isZero();
            assertThat(admin().get("/tasks/" + id).data().get("status").asInt()).isZero();
            assertThat(mcp.call("set_task_enabled", Map.of("id", id, "enabled", true)).json().get("status").asInt())
                    .isEqualTo(1);

            assertThat(mcp.read("distributedjob://tasks/" + id).get("name").asString()).isEqualTo(changed.get("name"));
        }
    }

    @Test
    default void createsAndChangesAGrpcTask() {
        try (McpTestClient mcp = McpTestClient.connect(admin())) {
            Map<String, Object> definition = new HashMap<>(Map.of("name", OrgFixture.unique("mcp-grpc"),
                    "departmentId", rootDepartment(), "cron", "@every 1h", "status", 0,
                    "grpcService", "127.0.0.1:9/helloworld.Greeter", "grpcMethod", "SayHello",
                    "grpcParams", Map.of("name", "mcp")));
            McpTestClient.ToolResult created = mcp.call("create_grpc_task", definition);
            assertThat(created.error()).as(created.json().toString()).isFalse();
            long id = created.json().get("id").asLong();
            assertThat(created.json().get("taskType").asString()).isEqualTo("GRPC");

            definition.put("id", id);
            definition.put("grpcMethod", "SayHelloAgain");
            McpTestClient.ToolResult updated = mcp.call("update_grpc_task", definition);
            assertThat(updated.error()).as(updated.json().toString()).isFalse();
            assertThat(admin().get("/tasks/" + id).data().get("grpcMethod").asString()).isEqualTo("SayHelloAgain");

            McpTestClient.ToolResult wrongKind = mcp.call("update_http_task", Map.of("id", id, "name", "x",
                    "departmentId", rootDepartment(), "cron", "@every 1h", "status", 0, "url", DISABLED_TARGET,
                    "httpMethod", "GET"));
            assertThat(wrongKind.error()).isTrue();
            assertThat(wrongKind.code()).isEqualTo(4001);
            assertThat(wrongKind.message()).startsWith("taskType:");
        }
    }

    @Test
    default void runsATaskNowAndShowsItsExecution() {
        try (TargetServer target = new TargetServer(); McpTestClient mcp = McpTestClient.connect(admin())) {
            long department = rootDepartment();
            long id = mcp.call("create_http_task", httpTask(department, target.url("/mcp-run"), 0)).json()
                    .get("id").asLong();

            McpTestClient.ToolResult run = mcp.call("run_task", Map.of("id", id, "query", "day=2026-12-01"));
            assertThat(run.error()).as(run.json().toString()).isFalse();
            assertThat(run.json().get("fireId").asString()).startsWith(id + ":");
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls("/mcp-run").size() == 1);
            assertThat(target.calls("/mcp-run").getFirst().query()).isEqualTo("day=2026-12-01");

            String from = OffsetDateTime.now().minusHours(1).toString();
            await().atMost(Duration.ofSeconds(10)).until(() -> mcp.call("list_executions",
                    Map.of("taskId", id, "from", from)).json().get("total").asLong() == 1);
            JsonNode record = mcp.call("list_executions", Map.of("taskId", id, "from", from)).json()
                    .get("records").get(0);
            assertThat(record.get("success").asBoolean()).isTrue();
            assertThat(record.get("triggerType").asString()).isEqualTo("API");

            OffsetDateTime scheduled = OffsetDateTime.parse(record.get("scheduledTime").asString());
            long recordId = record.get("id").asLong();
            JsonNode one = mcp.call("get_execution", Map.of("id", recordId, "year", scheduled.getYear(),
                    "month", scheduled.getMonthValue())).json();
            assertThat(one.get("fireId").asString()).isEqualTo(run.json().get("fireId").asString());
            assertThat(mcp.read("distributedjob://executions/" + scheduled.getYear() + "/"
                    + scheduled.getMonthValue() + "/" + recordId).get("taskId").asLong()).isEqualTo(id);

            JsonNode statistics = mcp.call("execution_statistics", Map.of("departmentId", department, "from", from))
                    .json();
            assertThat(statistics.get("executions").get("total").asLong()).isPositive();
            assertThat(statistics.get("executions").get("success").asLong()).isPositive();
            assertThat(statistics.get("tasks").get("total").asLong()).isPositive();

            JsonNode context = mcp.call("model_context", Map.of("modelId", "task:" + id)).json();
            assertThat(context.get("modelId").asString()).isEqualTo("task:" + id);
            assertThat(context.get("task").get("id").asLong()).isEqualTo(id);
            assertThat(context.get("lastExecutions").get(0).get("fireId").asString())
                    .isEqualTo(run.json().get("fireId").asString());
        }
    }

    @Test
    default void explainsACronExpressionWithItsNextFires() {
        try (McpTestClient mcp = McpTestClient.connect(admin())) {
            JsonNode preview = mcp.call("explain_cron",
                    Map.of("cron", "0 30 9 * * MON-FRI", "timezone", "Asia/Shanghai", "count", 4)).json();
            assertThat(preview.get("description").asString()).isNotBlank().containsIgnoringCase("9");
            assertThat(preview.get("nextFireTimes")).hasSize(4).allSatisfy(fire -> {
                OffsetDateTime time = OffsetDateTime.parse(fire.asString());
                assertThat(time.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).getHour()).isEqualTo(9);
                assertThat(time.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).getMinute()).isEqualTo(30);
            });
        }
    }

    @Test
    default void badInputAnswersTheRestCodeAndMessage() {
        try (McpTestClient mcp = McpTestClient.connect(admin())) {
            Map<String, Object> nameless = httpTask(rootDepartment(), DISABLED_TARGET, 0);
            nameless.remove("name");
            McpTestClient.ToolResult refused = mcp.call("create_http_task", nameless);
            assertThat(refused.error()).isTrue();
            assertThat(refused.code()).isEqualTo(4001);
            assertThat(refused.message()).isEqualTo("name: is required");
            assertThat(refused.structured()).isEqualTo(Map.of("code", 4001, "message", "name: is required"));

            Map<String, Object> badCron = httpTask(rootDepartment(), DISABLED_TARGET, 0);
            badCron.put("cron", "61 * * * *");
            assertThat(mcp.call("create_http_task", badCron).message()).startsWith("cron:");
            assertThat(mcp.call("explain_cron", Map.of("cron", "* * *")).message()).startsWith("cron:");
            assertThat(mcp.call("get_task", Map.of("id", -1)).message()).isEqualTo("id: must be a positive whole number");
            assertThat(mcp.call("get_task", Map.of("id", UNKNOWN_ID)).code()).isEqualTo(4004);
            assertThat(mcp.call("list_executions", Map.of("from", "yesterday")).message()).startsWith("from:");
            assertThat(mcp.call("get_execution", Map.of("id", 1, "year", 2026, "month", 13)).message())
                    .isEqualTo("month: must be between 1 and 12");
            assertThat(mcp.call("model_context", Map.of("modelId", "job:1")).message()).startsWith("model_id:");
            assertThatThrownBy(() -> mcp.read("distributedjob://tasks/" + UNKNOWN_ID))
                    .isInstanceOfSatisfying(McpError.class, e -> assertThat(e.getJsonRpcError().data())
                            .isEqualTo(Map.of("code", 4004, "message", "task " + UNKNOWN_ID + " not found")));
        }
    }

    @Test
    default void aUserWithoutThePermissionIsRefused() {
        ApiClient viewer = userWith(Permissions.TASK_VIEW);
        try (McpTestClient mcp = McpTestClient.connect(viewer)) {
            Map<String, Object> definition = httpTask(rootDepartment(), DISABLED_TARGET, 0);
            McpTestClient.ToolResult refused = mcp.call("create_http_task", definition);
            assertThat(refused.error()).isTrue();
            assertThat(refused.code()).isEqualTo(4003);
            assertThat(refused.message()).isEqualTo("this needs the permission task:create");
            assertThat(admin().get("/tasks?keyword=" + definition.get("name")).data().get("total").asLong()).isZero();

            assertThat(mcp.call("run_task", Map.of("id", UNKNOWN_ID)).code()).isEqualTo(4003);
            assertThat(mcp.call("list_executions", Map.of()).message())
                    .isEqualTo("this needs the permission record:view");
            assertThat(mcp.call("list_tasks", Map.of()).error()).isFalse();
        }
    }

    @Test
    default void tasksOutsideTheCallersDepartmentsAreRefused() {
        OrgFixture org = new OrgFixture(admin());
        long own = org.department("mcp-own", rootDepartment());
        long other = org.department("mcp-other", rootDepartment());
        long role = org.role("mcp-operator", Permissions.TASK_VIEW, Permissions.TASK_CREATE, Permissions.TASK_UPDATE,
                Permissions.RECORD_VIEW);
        OrgFixture.Created operator = org.user("mcp-operator", own, role);
        long foreign = admin().post("/tasks/http", httpTask(other, DISABLED_TARGET, 1)).data().get("id").asLong();

        try (McpTestClient mcp = McpTestClient.connect(api().login(operator.username(), OrgFixture.PASSWORD))) {
            assertThat(mcp.call("get_task", Map.of("id", foreign)).code()).isEqualTo(4003);
            assertThat(mcp.call("set_task_enabled", Map.of("id", foreign, "enabled", false)).code()).isEqualTo(4003);
            assertThat(admin().get("/tasks/" + foreign).data().get("status").asInt()).isEqualTo(1);
            assertThat(mcp.call("run_task", Map.of("id", foreign)).code()).isEqualTo(4003);
            assertThat(mcp.call("create_http_task", httpTask(other, DISABLED_TARGET, 0)).code()).isEqualTo(4003);
            assertThat(mcp.call("list_tasks", Map.of("departmentId", other)).code()).isEqualTo(4003);
            assertThat(mcp.call("execution_statistics", Map.of("departmentId", other)).code()).isEqualTo(4003);
            assertThat(mcp.call("model_context", Map.of("modelId", "task:" + foreign)).code()).isEqualTo(4003);
            assertThatThrownBy(() -> mcp.read("distributedjob://tasks/" + foreign))
                    .isInstanceOfSatisfying(McpError.class, e -> assertThat(e.getJsonRpcError().data())
                            .isEqualTo(Map.of("code", 4003, "message", "department outside your department scope")));

            McpTestClient.ToolResult mine = mcp.call("create_http_task", httpTask(own, DISABLED_TARGET, 0));
            assertThat(mine.error()).as(mine.json().toString()).isFalse();
            JsonNode listed = mcp.call("list_tasks", Map.of()).json();
            assertThat(listed.get("list")).extracting(task -> task.get("departmentId").asLong()).containsOnly(own);
        }
    }

    @Test
    default void everyCallIsAudited() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("mcp-audited", rootDepartment());
        OrgFixture.Created user = org.user("mcp-audited", department,
                org.role("mcp-audited", Permissions.TASK_VIEW, Permissions.TASK_CREATE));
        long id;
        try (McpTestClient mcp = McpTestClient.connect(api().login(user.username(), OrgFixture.PASSWORD))) {
            id = mcp.call("create_http_task", httpTask(department, DISABLED_TARGET, 0)).json().get("id").asLong();
            mcp.call("get_task", Map.of("id", id));
            mcp.call("run_task", Map.of("id", id));
            mcp.call("explain_cron", Map.of("cron", "@daily"));
            mcp.read("distributedjob://tasks/" + id);
        }

        JsonNode entries = admin().get("/audit-logs?size=100&action=MCP_CALL&actor=" + user.username()).data()
                .get("list");
        List<String> seen = new ArrayList<>();
        entries.forEach(entry -> seen.add(entry.get("detail").asString() + " " + entry.get("outcome").asString()
                + " " + (entry.get("targetId").isNull() ? "-" : entry.get("targetId").asLong())));
        assertThat(seen).containsExactlyInAnyOrder(
                "create_http_task SUCCESS " + id,
                "get_task SUCCESS " + id,
                "run_task: this needs the permission task:update FAILURE " + id,
                "explain_cron SUCCESS -",
                "read distributedjob://tasks/" + id + " SUCCESS " + id);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("clientAddress").asString()).isNotBlank());
        JsonNode created = admin().get("/audit-logs?action=CREATE&targetType=TASK&actor=" + user.username()).data();
        assertThat(created.get("total").asLong()).isEqualTo(1);
        assertThat(created.get("list").get(0).get("targetId").asLong()).isEqualTo(id);
    }

    @Test
    default void aConnectionWithoutAValidTokenIsRefused() throws IOException, InterruptedException {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
        HttpResponse<String> missing = post(initialize, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"DistributedJob\"");
        assertThat(ApiClient.mapper().readTree(missing.body()).get("code").asInt()).isEqualTo(4010);

        HttpResponse<String> forged = post(initialize, "not-a-token");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"DistributedJob\", error=\"invalid_token\"");

        try (McpTestClient anonymous = McpTestClient.open(api())) {
            assertRefusedWith401(() -> anonymous.sdk().initialize());
        }

        ApiClient loggedOut = api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
        try (McpTestClient mcp = McpTestClient.connect(loggedOut)) {
            assertThat(mcp.call("list_tasks", Map.of()).error()).isFalse();
            assertThat(loggedOut.post("/auth/logout", null).status()).isEqualTo(200);
            assertRefusedWith401(() -> mcp.call("list_tasks", Map.of()));
        }
    }

    @Test
    default void opensNoStreamOfItsOwn() throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(api().baseUrl() + "/mcp"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + admin().token())
                .GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
    }

    /** The SDK's client reports the server's 401 as an authorization error carrying the response. */
    private static void assertRefusedWith401(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        while (thrown != null && !(thrown instanceof McpHttpClientTransportAuthorizationException)) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOfSatisfying(McpHttpClientTransportAuthorizationException.class,
                e -> assertThat(e.getResponseInfo().statusCode()).isEqualTo(401));
    }

    private HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api().baseUrl() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
