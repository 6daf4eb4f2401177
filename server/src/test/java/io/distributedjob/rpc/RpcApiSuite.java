package io.distributedjob.rpc;

import static io.distributedjob.rpc.RpcClient.failure;
import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import auth.Auth;
import com.google.protobuf.ByteString;
import data.Data;
import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestSettings;
import io.distributedjob.task.TaskApiSuite;
import io.grpc.Status;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import rpc.proto.Mcp;
import scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * The gRPC API of a running server, called with stubs generated from the spec's unchanged .proto text: every
 * method's happy path, and the statuses of a missing token, another department, bad input and unknown ids.
 */
public interface RpcApiSuite extends ServerUnderTest {

    String ISO_WITH_OFFSET = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([+-]\\d\\d:\\d\\d|Z)";
    String EVERY_MINUTE = "* * * * *";
    long UNKNOWN_ID = 987_654_321L;

    /** The port the server's gRPC API listens on. */
    int grpcPort();

    default RpcClient rpc() {
        return RpcClient.onPort(grpcPort());
    }

    default RpcClient rpcAdmin() {
        return rpc().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
    }

    // --- AuthService

    @Test
    default void authenticateGivesTokensThatTheApiAcceptsAndThatRefreshAndValidate() {
        Auth.AuthenticateResponse login = rpc().auth().authenticate(Auth.AuthenticateRequest.newBuilder()
                .setUsername(TestSettings.ADMIN_USERNAME).setPassword(TestSettings.ADMIN_PASSWORD).build());

        assertThat(login.getSuccess()).isTrue();
        assertThat(login.getAccessToken()).isNotBlank();
        assertThat(login.getRefreshToken()).isNotBlank().isNotEqualTo(login.getAccessToken());
        Auth.UserInfo user = login.getUserInfo();
        assertThat(user.getUsername()).isEqualTo(TestSettings.ADMIN_USERNAME);
        assertThat(user.getDepartmentName()).isEqualTo("总部");
        assertThat(user.getRoleName()).isNotBlank();
        assertThat(api().withToken(login.getAccessToken()).get("/auth/userinfo").status()).isEqualTo(200);

        Auth.ValidateTokenResponse valid = rpc().auth().validateToken(
                Auth.ValidateTokenRequest.newBuilder().setToken(login.getAccessToken()).build());
        assertThat(valid.getValid()).isTrue();
        assertThat(valid.getUserId()).isEqualTo(user.getUserId());
        Auth.ValidateTokenResponse refreshTokenChecked = rpc().auth().validateToken(
                Auth.ValidateTokenRequest.newBuilder().setToken(login.getRefreshToken()).build());
        assertThat(refreshTokenChecked.getValid()).isFalse();
        Auth.ValidateTokenResponse garbage = rpc().auth().validateToken(
                Auth.ValidateTokenRequest.newBuilder().setToken("not-a-token").build());
        assertThat(garbage.getValid()).isFalse();
        assertThat(garbage.getMessage()).isEqualTo("invalid token");

        Auth.RefreshTokenResponse refreshed = rpc().auth().refreshToken(
                Auth.RefreshTokenRequest.newBuilder().setRefreshToken(login.getRefreshToken()).build());
        assertThat(refreshed.getSuccess()).isTrue();
        assertThat(refreshed.getRefreshToken()).isNotEqualTo(login.getRefreshToken());
        assertThat(rpc().withToken(refreshed.getAccessToken()).auth()
                .getUserPermissions(Auth.UserPermissionsRequest.getDefaultInstance()).getPermissionsList())
                .containsExactlyInAnyOrder(Permissions.TASK_VIEW, Permissions.TASK_CREATE, Permissions.TASK_UPDATE,
                        Permissions.TASK_DELETE, Permissions.RECORD_VIEW, Permissions.DEPARTMENT_MANAGE,
                        Permissions.USER_MANAGE, Permissions.ROLE_MANAGE);

        Status reused = failure(() -> rpc().auth().refreshToken(
                Auth.RefreshTokenRequest.newBuilder().setRefreshToken(login.getRefreshToken()).build()));
        assertThat(reused.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(rpc().auth().validateToken(Auth.ValidateTokenRequest.newBuilder()
                .setToken(refreshed.getAccessToken()).build()).getValid())
                .as("reusing a rotated refresh token revokes its whole session").isFalse();
        assertThat(failure(() -> rpc().auth().refreshToken(Auth.RefreshTokenRequest.getDefaultInstance())).getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    default void authenticateRefusesWrongCredentialsAndIsThrottledWithRestLogins() {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created user = org.user("throttled", org.rootDepartment(), org.role("viewer", Permissions.TASK_VIEW));

        Status empty = failure(() -> rpc().auth().authenticate(
                Auth.AuthenticateRequest.newBuilder().setPassword("x").build()));
        assertThat(empty.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(empty.getDescription()).startsWith("username:");
        Status wrong = failure(() -> authenticate(user.username(), "wrong-password"));
        assertThat(wrong.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(wrong.getDescription()).isEqualTo("invalid username or password");
        Status unknown = failure(() -> authenticate(OrgFixture.unique("nobody"), "wrong-password"));
        assertThat(unknown.getDescription()).isEqualTo(wrong.getDescription());
        // the default allows 5 failures per username; one more (through REST) reaches it
        for (int i = 0; i < 3; i++) {
            failure(() -> authenticate(user.username(), "wrong-password"));
        }
        assertThat(api().post("/auth/login", json("username", user.username(), "password", "wrong")).status())
                .isEqualTo(401);

        Status locked = failure(() -> authenticate(user.username(), OrgFixture.PASSWORD));
        assertThat(locked.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(locked.getDescription()).startsWith("too many failed logins");
        assertThat(api().post("/auth/login", json("username", user.username(), "password", OrgFixture.PASSWORD))
                .status()).isEqualTo(429);
    }

    @Test
    default void everyMethodButLoginValidateAndRefreshNeedsAnAccessToken() {
        String refreshToken = rpc().auth().authenticate(Auth.AuthenticateRequest.newBuilder()
                .setUsername(TestSettings.ADMIN_USERNAME).setPassword(TestSettings.ADMIN_PASSWORD).build())
                .getRefreshToken();
        String revoked = api().post("/auth/login", json("username", TestSettings.ADMIN_USERNAME,
                "password", TestSettings.ADMIN_PASSWORD)).data().get("token").asString();
        assertThat(api().withToken(revoked).post("/auth/logout", null).status()).isEqualTo(200);

        List<RpcClient> refused = List.of(rpc(), rpc().withAuthorization("Basic YWRtaW46YWRtaW4="),
                rpc().withAuthorization("Bearer "), rpc().withToken("garbage"), rpc().withToken(refreshToken),
                rpc().withToken(revoked));
        for (RpcClient client : refused) {
            for (ThrowingCallable call : protectedCalls(client)) {
                Status status = failure(call);
                assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(status.getDescription()).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
        assertThat(failure(() -> rpc().scheduler().getTaskStatus(task(1))).getDescription())
                .isEqualTo("missing token: send the metadata authorization: Bearer <access token>");
    }

    // --- TaskScheduler

    @Test
    default void scheduleTaskCreatesAnHttpTaskAsRestShowsItAndAuditsIt() {
        RpcClient admin = rpcAdmin();
        String name = OrgFixture.unique("rpc-http");
        Scheduler.ScheduleTaskResponse response = admin.scheduler().scheduleTask(Scheduler.ScheduleTaskRequest.newBuilder()
                .setName(name).setCronExpression("*/5 * * * *").setHandler("http")
                .setParams(params("{\"url\": \"http://example.com/api\", \"method\": \"post\", \"headers\": {\"X-Token\": \"t\"},"
                        + " \"body\": {\"a\": 1}, \"fallbackUrl\": \"http://example.com/fallback\", \"retryInterval\": 5}"))
                .setMaxRetry(3).setTimeout(7).build());

        assertThat(response.getSuccess()).isTrue();
        assertThat(response.getTaskId()).isPositive();
        JsonNode task = admin().get("/tasks/" + response.getTaskId()).data();
        assertThat(task.get("name").asString()).isEqualTo(name);
        assertThat(task.get("taskType").asString()).isEqualTo("HTTP");
        assertThat(task.get("cron").asString()).isEqualTo("*/5 * * * *");
        assertThat(task.get("status").asInt()).isEqualTo(1);
        assertThat(task.get("url").asString()).isEqualTo("http://example.com/api");
        assertThat(task.get("httpMethod").asString()).isEqualTo("POST");
        assertThat(ApiClient.mapper().readTree(task.get("headers").asString()).get("X-Token").asString()).isEqualTo("t");
        assertThat(ApiClient.mapper().readTree(task.get("body").asString()).get("a").asInt()).isEqualTo(1);
        assertThat(task.get("fallbackUrl").asString()).isEqualTo("http://example.com/fallback");
        assertThat(task.get("retryCount").asInt()).isEqualTo(3);
        assertThat(task.get("retryInterval").asInt()).isEqualTo(5);
        assertThat(task.get("timeout").asInt()).isEqualTo(7);
        assertThat(task.get("departmentId").asLong()).isEqualTo(new OrgFixture(admin()).rootDepartment());

        List<JsonNode> audit = auditEntries("CREATE");
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("targetId").asLong()).isEqualTo(response.getTaskId());
            assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS");
            assertThat(entry.get("actor").asString()).isEqualTo(TestSettings.ADMIN_USERNAME);
            assertThat(entry.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    default void scheduleTaskCreatesAGrpcTaskWithDefaults() {
        RpcClient admin = rpcAdmin();
        Scheduler.ScheduleTaskResponse response = admin.scheduler().scheduleTask(Scheduler.ScheduleTaskRequest.newBuilder()
                .setName(OrgFixture.unique("rpc-grpc")).setCronExpression("0 0 3 * * ?").setHandler("GRPC")
                .setParams(params("{\"service\": \"127.0.0.1:50051/djtest.greeter.Greeter\", \"method\": \"SayHello\","
                        + " \"params\": {\"name\": \"n\"}, \"fallbackService\": \"dns:///backup:50051/djtest.greeter.Greeter\","
                        + " \"fallbackMethod\": \"SayHello\"}"))
                .build());

        JsonNode task = admin().get("/tasks/" + response.getTaskId()).data();
        assertThat(task.get("taskType").asString()).isEqualTo("GRPC");
        assertThat(task.get("grpcService").asString()).isEqualTo("127.0.0.1:50051/djtest.greeter.Greeter");
        assertThat(task.get("grpcMethod").asString()).isEqualTo("SayHello");
        assertThat(ApiClient.mapper().readTree(task.get("grpcParams").asString()).get("name").asString()).isEqualTo("n");
        assertThat(task.get("fallbackGrpcService").asString()).isEqualTo("dns:///backup:50051/djtest.greeter.Greeter");
        assertThat(task.get("fallbackGrpcMethod").asString()).isEqualTo("SayHello");
        assertThat(task.get("timeout").asInt()).as("timeout 0 means the default").isEqualTo(30);
        assertThat(task.get("retryCount").asInt()).isZero();
    }

    @Test
    default void scheduleTaskTakesTheTlsChoiceOfAGrpcTask() {
        RpcClient admin = rpcAdmin();
        Scheduler.ScheduleTaskResponse response = admin.scheduler().scheduleTask(Scheduler.ScheduleTaskRequest.newBuilder()
                .setName(OrgFixture.unique("rpc-tls")).setCronExpression("0 0 3 * * ?").setHandler("GRPC")
                .setParams(params("{\"service\": \"billing.example.com:443/acme.Invoices\", \"method\": \"Close\","
                        + " \"tls\": true}"))
                .build());

        assertThat(admin().get("/tasks/" + response.getTaskId()).data().get("grpcTls").asBoolean()).isTrue();
    }

    @Test
    default void scheduleTaskValidatesAsRestDoesAndNamesTheGrpcField() {
        RpcClient admin = rpcAdmin();
        Map<String, Scheduler.ScheduleTaskRequest.Builder> invalid = Map.ofEntries(
                Map.entry("name: is required", httpTask("").clearName()),
                Map.entry("cron_expression:", httpTask("bad-cron").setCronExpression("61 * * * *")),
                Map.entry("handler: must be http or grpc", httpTask("ftp").setHandler("ftp")),
                Map.entry("params: must be a JSON object", httpTask("not-json").setParams(params("url=x"))),
                Map.entry("params: unknown key 'uri'", httpTask("typo").setParams(params("{\"uri\": \"http://a\"}"))),
                Map.entry("params.url: is required", httpTask("no-url").setParams(params("{}"))),
                Map.entry("params.url: must be an http:// or https:// URL",
                        httpTask("ftp-url").setParams(params("{\"url\": \"ftp://example.com\"}"))),
                Map.entry("params.method: must be one of GET, POST, PUT, PATCH, DELETE",
                        httpTask("verb").setParams(params("{\"url\": \"http://a.example\", \"method\": \"FETCH\"}"))),
                Map.entry("max_retry: must be between 0 and 100", httpTask("retries").setMaxRetry(-1)),
                Map.entry("timeout: must be between 1 and 86400", httpTask("timeout").setTimeout(-5)),
                Map.entry("params.fallbackMethod: params.fallbackService and params.fallbackMethod go together",
                        Scheduler.ScheduleTaskRequest.newBuilder().setName("fallback").setCronExpression(EVERY_MINUTE)
                                .setHandler("grpc").setParams(params("{\"service\": \"h:1/a.B\", \"method\": \"M\","
                                        + " \"fallbackService\": \"h:2/a.B\"}"))),
                Map.entry("department_id: must be a positive whole number", httpTask("department").setDepartmentId(-3)),
                Map.entry("department_id: department 987654321 does not exist",
                        httpTask("nowhere").setDepartmentId(987654321)));

        invalid.forEach((message, request) -> {
            Status status = failure(() -> admin.scheduler().scheduleTask(request.build()));
            assertThat(status.getCode()).as(message).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(status.getDescription()).as(message).startsWith(message);
        });
        assertThat(auditEntries("CREATE")).anySatisfy(entry -> {
            assertThat(entry.get("outcome").asString()).isEqualTo("FAILURE");
            assertThat(entry.get("detail").asString()).startsWith("params.url: is required");
        });
    }

    @Test
    default void batchScheduleTasksAnswersForEachTask() {
        RpcClient admin = rpcAdmin();
        Scheduler.BatchScheduleTasksResponse response = admin.scheduler().batchScheduleTasks(
                Scheduler.BatchScheduleTasksRequest.newBuilder()
                        .addTasks(httpTask("batch-1"))
                        .addTasks(httpTask("batch-2").setCronExpression("every day"))
                        .addTasks(httpTask("batch-3"))
                        .build());

        assertThat(response.getOverallSuccess()).isFalse();
        assertThat(response.getMessage()).isEqualTo("2 of 3 tasks scheduled");
        assertThat(response.getResultsList()).extracting(Scheduler.ScheduleTaskResponse::getSuccess)
                .containsExactly(true, false, true);
        assertThat(response.getResults(1).getMessage()).startsWith("cron_expression:");
        assertThat(response.getResults(1).getTaskId()).isZero();
        for (int i : new int[] {0, 2}) {
            long id = response.getResults(i).getTaskId();
            assertThat(admin().get("/tasks/" + id).data().get("name").asString()).startsWith("batch-" + (i + 1));
        }
        Scheduler.BatchScheduleTasksResponse allGood = admin.scheduler().batchScheduleTasks(
                Scheduler.BatchScheduleTasksRequest.newBuilder().addTasks(httpTask("batch-4")).build());
        assertThat(allGood.getOverallSuccess()).isTrue();
        assertThat(failure(() -> admin.scheduler().batchScheduleTasks(Scheduler.BatchScheduleTasksRequest.getDefaultInstance()))
                .getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    default void pauseAndResumeChangeTheStatusThatGetTaskStatusShows() {
        RpcClient admin = rpcAdmin();
        long id = admin.scheduler().scheduleTask(httpTask("pausable").setMaxRetry(2).build()).getTaskId();

        Scheduler.TaskStatusResponse scheduled = admin.scheduler().getTaskStatus(task(id));
        assertThat(scheduled.getTaskId()).isEqualTo(id);
        assertThat(scheduled.getStatus()).isEqualTo(1);
        assertThat(scheduled.getNextExecuteTime()).matches(ISO_WITH_OFFSET);
        assertThat(OffsetDateTime.parse(scheduled.getNextExecuteTime())).isAfter(OffsetDateTime.now().minusSeconds(1));
        assertThat(scheduled.getLastExecuteTime()).isEmpty();
        assertThat(scheduled.getRetryCount()).isEqualTo(2);
        assertThat(scheduled.getSuccessCount()).isZero();

        Scheduler.TaskResponse paused = admin.scheduler().pauseTask(task(id));
        assertThat(paused.getSuccess()).isTrue();
        assertThat(paused.getMessage()).isEqualTo("task " + id + " paused");
        Scheduler.TaskStatusResponse pausedStatus = admin.scheduler().getTaskStatus(task(id));
        assertThat(pausedStatus.getStatus()).isZero();
        assertThat(pausedStatus.getNextExecuteTime()).isEmpty();
        assertThat(admin().get("/tasks/" + id).data().get("status").asInt()).isZero();
        assertThat(admin.scheduler().pauseTask(task(id)).getMessage()).isEqualTo("task " + id + " was already paused");

        assertThat(admin.scheduler().resumeTask(task(id)).getMessage()).isEqualTo("task " + id + " resumed");
        Scheduler.TaskStatusResponse resumed = admin.scheduler().getTaskStatus(task(id));
        assertThat(resumed.getStatus()).isEqualTo(1);
        assertThat(resumed.getNextExecuteTime()).matches(ISO_WITH_OFFSET);
        assertThat(admin.scheduler().resumeTask(task(id)).getMessage()).isEqualTo("task " + id + " was not paused");
    }

    @Test
    default void executedTasksShowInStatusHistoryStatisticsAndModelContext() {
        RpcClient admin = rpcAdmin();
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("executions", org.rootDepartment());
        TargetServer target = new TargetServer();
        target.reply("/fail", 500, "broken", 0);
        long ok;
        long failing;
        try (target) {
            ok = admin.scheduler().scheduleTask(httpTask("runs-ok").setDepartmentId(department)
                    .setParams(params("{\"url\": \"" + target.url("/ok") + "\"}")).build()).getTaskId();
            failing = admin.scheduler().scheduleTask(httpTask("runs-failing").setDepartmentId(department)
                    .setParams(params("{\"url\": \"" + target.url("/fail") + "\"}")).build()).getTaskId();
            admin.scheduler().pauseTask(task(ok));
            admin.scheduler().pauseTask(task(failing));
            for (int run = 1; run <= 3; run++) {
                Scheduler.TaskResponse fired = admin.scheduler().executeTaskImmediately(task(ok));
                assertThat(fired.getMessage()).startsWith("fire " + ok + ":");
                int expected = run;
                await().atMost(Duration.ofSeconds(20)).until(() -> history(admin, ok).getTotal() == expected);
            }
            admin.scheduler().executeTaskImmediately(task(failing));
            await().atMost(Duration.ofSeconds(20)).until(() -> history(admin, failing).getTotal() == 1);
        }
        assertThat(auditEntries("RUN")).as("every run through the API is audited")
                .filteredOn(entry -> entry.get("targetId").asLong() == ok).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS"));

        Data.TaskHistoryResponse all = history(admin, ok);
        assertThat(all.getSuccess()).isTrue();
        assertThat(all.getRecordsList()).hasSize(3).allSatisfy(record -> {
            assertThat(record.getTaskId()).isEqualTo(ok);
            assertThat(record.getSuccess()).isTrue();
            assertThat(record.getStatusCode()).isEqualTo(200);
            assertThat(record.getResponse()).isEqualTo("ok");
            assertThat(record.getExecuteTime()).matches(ISO_WITH_OFFSET);
            assertThat(record.getCostTime()).isNotNegative();
        });
        List<String> times = all.getRecordsList().stream().map(Data.TaskHistoryRecord::getExecuteTime).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));
        Data.TaskHistoryResponse page = admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder()
                .setTaskId(ok).setLimit(2).setOffset(2).build());
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(page.getRecordsList()).extracting(Data.TaskHistoryRecord::getId)
                .containsExactly(all.getRecords(2).getId());
        YearMonth now = YearMonth.now(ZoneId.systemDefault());
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setYear(now.getYear()).setMonth(now.getMonthValue()).build()).getTotal()).isEqualTo(3);
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setYear(now.getYear() - 1).setMonth(now.getMonthValue()).build()).getTotal()).isZero();
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setEndTime(OffsetDateTime.now().minusHours(1).toString()).build()).getTotal()).isZero();
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setStartTime(OffsetDateTime.now().minusHours(1).toString()).build()).getTotal()).isEqualTo(3);

        Scheduler.TaskStatusResponse status = admin.scheduler().getTaskStatus(task(ok));
        assertThat(status.getSuccessCount()).isEqualTo(3);
        assertThat(status.getFailCount()).isZero();
        assertThat(status.getAvgExecutionTime()).isNotNegative();
        assertThat(status.getLastExecuteTime()).matches(ISO_WITH_OFFSET);
        Scheduler.TaskStatusResponse failed = admin.scheduler().getTaskStatus(task(failing));
        assertThat(failed.getSuccessCount()).isZero();
        assertThat(failed.getFailCount()).isEqualTo(1);
        assertThat(history(admin, failing).getRecords(0).getStatusCode()).isEqualTo(500);

        Data.TaskStatisticsResponse stats = admin.data().getTaskStatistics(
                Data.TaskStatisticsRequest.newBuilder().setDepartmentId(department).build());
        assertThat(stats.getSuccess()).isTrue();
        assertThat(stats.getTaskCount()).isEqualTo(2);
        assertThat(stats.getSuccessRate()).isEqualTo(75.0f);
        Map<String, Float> figures = stats.getExecutionStatsMap();
        assertThat(figures).containsEntry("total_executions", 4f).containsEntry("success_count", 3f)
                .containsEntry("fail_count", 1f).containsEntry("task_count", 2f).containsEntry("http_tasks", 2f)
                .containsEntry("grpc_tasks", 0f).containsEntry("disabled_tasks", 2f).containsEntry("enabled_tasks", 0f)
                .containsKeys("avg_execution_time", "max_execution_time", "retry_times", "fallback_count");
        assertThat(figures.get("max_execution_time")).isGreaterThanOrEqualTo(stats.getAvgExecutionTime());
        Data.TaskStatisticsResponse future = admin.data().getTaskStatistics(Data.TaskStatisticsRequest.newBuilder()
                .setDepartmentId(department).setStartTime(OffsetDateTime.now().plusDays(1).toString()).build());
        assertThat(future.getExecutionStatsMap()).containsEntry("total_executions", 0f);
        assertThat(future.getTaskCount()).isEqualTo(2);

        JsonNode context = ApiClient.mapper().readTree(admin.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("task:" + ok).build()).getContext());
        assertThat(context.get("modelId").asString()).isEqualTo("task:" + ok);
        assertThat(context.get("type").asString()).isEqualTo("task");
        assertThat(context.get("task").get("id").asLong()).isEqualTo(ok);
        assertThat(context.get("task").get("url").asString()).endsWith("/ok");
        assertThat(context.get("schedule").get("scheduled").asBoolean()).isFalse();
        assertThat(context.get("schedule").get("nextFireTimes")).isEmpty();
        assertThat(context.get("statistics").get("total").asLong()).isEqualTo(3);
        assertThat(context.get("statistics").get("successRate").asDouble()).isEqualTo(100.0);
        assertThat(context.get("lastExecutions")).hasSize(3);
        assertThat(context.get("lastExecutions").get(0).get("triggerType").asString()).isEqualTo("API");

        JsonNode departmentContext = ApiClient.mapper().readTree(admin.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("department:" + department).build()).getContext());
        assertThat(departmentContext.get("department").get("id").asLong()).isEqualTo(department);
        assertThat(departmentContext.get("tasks").get("total").asLong()).isEqualTo(2);
        assertThat(departmentContext.get("users").get("total").asLong()).isZero();
        assertThat(departmentContext.get("statistics").get("total").asLong()).isEqualTo(4);
        assertThat(departmentContext.get("statistics").get("fail").asLong()).isEqualTo(1);
    }

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
    default void deleteTaskRemovesItAndIsAudited() {
        RpcClient admin = rpcAdmin();
        long id = admin.scheduler().scheduleTask(httpTask("doomed").build()).getTaskId();

        Scheduler.TaskResponse deleted = admin.scheduler().deleteTask(task(id));

        assertThat(deleted.getSuccess()).isTrue();
        assertThat(admin().get("/tasks/" + id).status()).isEqualTo(404);
        assertThat(failure(() -> admin.scheduler().deleteTask(task(id))).getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(auditEntries("DELETE")).anySatisfy(entry -> {
            assertThat(entry.get("targetId").asLong()).isEqualTo(id);
            assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS");
            assertThat(entry.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        });
    }

    // --- DataService and ModelContextService

    @Test
    default void userAndDepartmentListsKeepToTheCallersScope() {
        OrgFixture org = new OrgFixture(admin());
        long branch = org.department("branch", org.rootDepartment());
        long team = org.department("team", branch);
        long managerRole = org.role("manager", Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        OrgFixture.Created manager = org.user("manager", branch, managerRole);
        OrgFixture.Created member = org.user("member", team, org.role("member", Permissions.TASK_VIEW));
        RpcClient session = rpc().login(manager.username(), OrgFixture.PASSWORD);

        Data.UserListResponse users = session.data().getUserList(Data.UserListRequest.getDefaultInstance());
        assertThat(users.getSuccess()).isTrue();
        assertThat(users.getTotal()).isEqualTo(2);
        assertThat(users.getUsersList()).extracting(Data.UserInfo::getUsername)
                .containsExactlyInAnyOrder(manager.username(), member.username());
        Data.UserInfo shown = users.getUsersList().stream()
                .filter(u -> u.getUsername().equals(member.username())).findFirst().orElseThrow();
        assertThat(shown.getId()).isEqualTo(member.id());
        assertThat(shown.getDepartmentId()).isEqualTo(team);
        assertThat(shown.getDepartmentName()).startsWith("team-");
        assertThat(shown.getStatus()).isEqualTo(1);
        assertThat(shown.getCreateTime()).matches(ISO_WITH_OFFSET);
        assertThat(session.data().getUserList(Data.UserListRequest.newBuilder().setDepartmentId(team).build())
                .getUsersList()).extracting(Data.UserInfo::getId).containsExactly(member.id());
        Data.UserListResponse paged = session.data().getUserList(Data.UserListRequest.newBuilder().setPage(2).setSize(1).build());
        assertThat(paged.getUsersCount()).isEqualTo(1);
        assertThat(paged.getTotal()).isEqualTo(2);

        Data.DepartmentListResponse departments = session.data().getDepartmentList(Data.DepartmentListRequest.getDefaultInstance());
        assertThat(departments.getTotal()).isEqualTo(2);
        assertThat(departments.getDepartmentsList()).extracting(Data.Department::getId).containsExactly(branch, team);
        assertThat(departments.getDepartments(0).getCreateTime()).matches(ISO_WITH_OFFSET);
        assertThat(session.data().getDepartmentList(Data.DepartmentListRequest.newBuilder().setPage(2).setSize(1).build())
                .getDepartmentsList()).extracting(Data.Department::getId).containsExactly(team);
        RpcClient memberSession = rpc().login(member.username(), OrgFixture.PASSWORD);
        assertThat(memberSession.data().getDepartmentList(Data.DepartmentListRequest.getDefaultInstance())
                .getDepartmentsList()).extracting(Data.Department::getId).containsExactly(team);
        Data.DepartmentListResponse everything = rpcAdmin().data().getDepartmentList(
                Data.DepartmentListRequest.newBuilder().setSize(100).build());
        assertThat(everything.getDepartmentsList()).extracting(Data.Department::getId).contains(branch, team);

        Status outside = failure(() -> session.data().getUserList(
                Data.UserListRequest.newBuilder().setDepartmentId(org.rootDepartment()).build()));
        assertThat(outside.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        Status notManager = failure(() -> memberSession.data().getUserList(Data.UserListRequest.getDefaultInstance()));
        assertThat(notManager.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(notManager.getDescription()).isEqualTo("this needs the permission user:manage");
        assertThat(failure(() -> session.data().getUserList(Data.UserListRequest.newBuilder().setSize(101).build()))
                .getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

        JsonNode ownContext = ApiClient.mapper().readTree(memberSession.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("user:" + member.id()).build()).getContext());
        assertThat(ownContext.get("user").get("username").asString()).isEqualTo(member.username());
        assertThat(ownContext.get("user").has("passwordHash")).isFalse();
        assertThat(ownContext.get("permissions")).extracting(JsonNode::asString).containsExactly(Permissions.TASK_VIEW);
        JsonNode managed = ApiClient.mapper().readTree(session.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("user:" + member.id()).build()).getContext());
        assertThat(managed.get("user").get("departmentId").asLong()).isEqualTo(team);
        assertThat(failure(() -> memberSession.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("user:" + manager.id()).build())).getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        JsonNode teamContext = ApiClient.mapper().readTree(session.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("department:" + team).build()).getContext());
        assertThat(teamContext.get("users").get("total").asLong()).isEqualTo(1);
        assertThat(teamContext.has("statistics")).as("the manager lacks record:view").isFalse();

        Auth.UserPermissionsResponse memberPermissions = session.auth().getUserPermissions(
                Auth.UserPermissionsRequest.newBuilder().setUserId(member.id()).build());
        assertThat(memberPermissions.getPermissionsList()).containsExactly(Permissions.TASK_VIEW);
        assertThat(failure(() -> memberSession.auth().getUserPermissions(
                Auth.UserPermissionsRequest.newBuilder().setUserId(manager.id()).build())).getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
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

    @Test
    default void callersActOnlyOnTasksOfTheirDepartmentScope() {
        OrgFixture org = new OrgFixture(admin());
        long mine = org.department("mine", org.rootDepartment());
        long theirs = org.department("theirs", org.rootDepartment());
        long operator = org.role("operator", Permissions.TASK_VIEW, Permissions.TASK_CREATE, Permissions.TASK_UPDATE,
                Permissions.TASK_DELETE, Permissions.RECORD_VIEW, Permissions.USER_MANAGE);
        OrgFixture.Created user = org.user("operator", mine, operator);
        RpcClient session = rpc().login(user.username(), OrgFixture.PASSWORD);
        RpcClient admin = rpcAdmin();
        long foreign = admin.scheduler().scheduleTask(httpTask("foreign").setDepartmentId(theirs).build()).getTaskId();

        long own = session.scheduler().scheduleTask(httpTask("own").build()).getTaskId();
        assertThat(admin().get("/tasks/" + own).data().get("departmentId").asLong())
                .as("department_id 0 means the caller's department").isEqualTo(mine);
        assertThat(session.scheduler().getTaskStatus(task(own)).getStatus()).isEqualTo(1);

        List<ThrowingCallable> refused = List.of(
                () -> session.scheduler().scheduleTask(httpTask("elsewhere").setDepartmentId(theirs).build()),
                () -> session.scheduler().pauseTask(task(foreign)),
                () -> session.scheduler().resumeTask(task(foreign)),
                () -> session.scheduler().getTaskStatus(task(foreign)),
                () -> session.scheduler().executeTaskImmediately(task(foreign)),
                () -> session.scheduler().deleteTask(task(foreign)),
                () -> session.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(foreign).build()),
                () -> session.data().getTaskStatistics(Data.TaskStatisticsRequest.newBuilder().setDepartmentId(theirs).build()),
                () -> session.data().getUserList(Data.UserListRequest.newBuilder().setDepartmentId(theirs).build()),
                () -> session.modelContext().getModelContext(Mcp.ModelContextRequest.newBuilder().setModelId("task:" + foreign).build()),
                () -> session.modelContext().getModelContext(Mcp.ModelContextRequest.newBuilder().setModelId("department:" + theirs).build()),
                () -> session.auth().getUserPermissions(Auth.UserPermissionsRequest.newBuilder().setUserId(1).build()));
        for (ThrowingCallable call : refused) {
            Status status = failure(call);
            assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(status.getDescription()).doesNotContain("Exception");
        }
        Scheduler.BatchScheduleTasksResponse batch = session.scheduler().batchScheduleTasks(
                Scheduler.BatchScheduleTasksRequest.newBuilder().addTasks(httpTask("batch-own"))
                        .addTasks(httpTask("batch-theirs").setDepartmentId(theirs)).build());
        assertThat(batch.getResultsList()).extracting(Scheduler.ScheduleTaskResponse::getSuccess).containsExactly(true, false);
        assertThat(batch.getResults(1).getMessage()).isEqualTo("department_id: outside your department scope");
        Status toUnknown = failure(() -> session.scheduler().scheduleTask(httpTask("nowhere").setDepartmentId(987654321).build()));
        Status toForeign = failure(() -> session.scheduler().scheduleTask(httpTask("elsewhere").setDepartmentId(theirs).build()));
        assertThat(toUnknown.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(toUnknown.getDescription()).as("unknown and foreign look alike").isEqualTo(toForeign.getDescription())
                .doesNotContain(String.valueOf(theirs));
        Status statisticsOfUnknown = failure(() -> session.data().getTaskStatistics(
                Data.TaskStatisticsRequest.newBuilder().setDepartmentId(987654321).build()));
        assertThat(statisticsOfUnknown.getCode()).as("an unknown department looks foreign").isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(admin().get("/tasks/" + foreign).data().get("status").asInt()).as("untouched").isEqualTo(1);

        Data.TaskStatisticsResponse scoped = session.data().getTaskStatistics(Data.TaskStatisticsRequest.getDefaultInstance());
        assertThat(scoped.getTaskCount()).as("own and batch-own").isEqualTo(2);
        Data.TaskHistoryResponse history = session.data().getTaskHistory(Data.TaskHistoryRequest.getDefaultInstance());
        assertThat(history.getTotal()).isZero();
    }

    @Test
    default void permissionsAreCheckedMethodByMethod() {
        OrgFixture org = new OrgFixture(admin());
        long viewerRole = org.role("viewer", Permissions.TASK_VIEW);
        OrgFixture.Created viewer = org.user("viewer", org.rootDepartment(), viewerRole);
        RpcClient session = rpc().login(viewer.username(), OrgFixture.PASSWORD);
        long id = rpcAdmin().scheduler().scheduleTask(httpTask("guarded").build()).getTaskId();

        assertThat(session.scheduler().getTaskStatus(task(id)).getTaskId()).isEqualTo(id);
        List<Map.Entry<String, ThrowingCallable>> refused = List.of(
                needing("task:create", () -> session.scheduler().scheduleTask(httpTask("nope").build())),
                needing("task:create", () -> session.scheduler().batchScheduleTasks(
                        Scheduler.BatchScheduleTasksRequest.newBuilder().addTasks(httpTask("nope")).build())),
                needing("task:update", () -> session.scheduler().pauseTask(task(id))),
                needing("task:update", () -> session.scheduler().resumeTask(task(id))),
                needing("task:update", () -> session.scheduler().executeTaskImmediately(task(id))),
                needing("task:delete", () -> session.scheduler().deleteTask(task(id))),
                needing("record:view", () -> session.data().getTaskHistory(Data.TaskHistoryRequest.getDefaultInstance())),
                needing("record:view", () -> session.data().getTaskStatistics(Data.TaskStatisticsRequest.getDefaultInstance())),
                needing("user:manage", () -> session.data().getUserList(Data.UserListRequest.getDefaultInstance())));
        refused.forEach(entry -> {
            Status status = failure(entry.getValue());
            assertThat(status.getCode()).as(entry.getKey()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(status.getDescription()).isEqualTo("this needs the permission " + entry.getKey());
        });
        JsonNode context = ApiClient.mapper().readTree(session.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("task:" + id).build()).getContext());
        assertThat(context.has("task")).isTrue();
        assertThat(context.has("statistics")).as("needs record:view").isFalse();
        assertThat(context.has("lastExecutions")).isFalse();
    }

    @Test
    default void unknownIdsAreNotFoundAndMalformedInputIsInvalid() {
        RpcClient admin = rpcAdmin();
        Map<Status.Code, List<ThrowingCallable>> expected = Map.of(
                Status.Code.NOT_FOUND, List.of(
                        () -> admin.scheduler().getTaskStatus(task(UNKNOWN_ID)),
                        () -> admin.scheduler().pauseTask(task(UNKNOWN_ID)),
                        () -> admin.scheduler().resumeTask(task(UNKNOWN_ID)),
                        () -> admin.scheduler().executeTaskImmediately(task(UNKNOWN_ID)),
                        () -> admin.scheduler().deleteTask(task(UNKNOWN_ID)),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(UNKNOWN_ID).build()),
                        () -> admin.data().getTaskStatistics(Data.TaskStatisticsRequest.newBuilder().setDepartmentId(UNKNOWN_ID).build()),
                        () -> admin.auth().getUserPermissions(Auth.UserPermissionsRequest.newBuilder().setUserId(UNKNOWN_ID).build()),
                        () -> modelContext(admin, "task:" + UNKNOWN_ID),
                        () -> modelContext(admin, "department:" + UNKNOWN_ID),
                        () -> modelContext(admin, "user:" + UNKNOWN_ID)),
                Status.Code.INVALID_ARGUMENT, List.of(
                        () -> admin.scheduler().getTaskStatus(task(0)),
                        () -> admin.scheduler().deleteTask(task(-1)),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setLimit(101).build()),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setOffset(-1).build()),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setYear(2026).build()),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setYear(2026).setMonth(13).build()),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setYear(2026).setMonth(1)
                                .setStartTime("2026-01-01T00:00:00Z").build()),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setStartTime("yesterday").build()),
                        () -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder()
                                .setStartTime("2026-02-01 00:00:00").setEndTime("2026-01-01").build()),
                        () -> admin.data().getTaskStatistics(Data.TaskStatisticsRequest.newBuilder().setDepartmentId(-1).build()),
                        () -> admin.data().getDepartmentList(Data.DepartmentListRequest.newBuilder().setPage(-1).build()),
                        () -> modelContext(admin, ""),
                        () -> modelContext(admin, "widget:1"),
                        () -> modelContext(admin, "task:abc"),
                        () -> modelContext(admin, "task:0"),
                        () -> modelContext(admin, "task:99999999999999999999")));
        expected.forEach((code, calls) -> calls.forEach(call -> {
            Status status = failure(call);
            assertThat(status.getCode()).isEqualTo(code);
            assertThat(status.getDescription()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }));
        assertThat(failure(() -> modelContext(admin, "widget:1")).getDescription())
                .isEqualTo("model_id: must be task:<id>, department:<id> or user:<id>");
        assertThat(failure(() -> admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder()
                .setStartTime("yesterday").build())).getDescription()).startsWith("start_time:");
        assertThat(failure(() -> admin.scheduler().getTaskStatus(task(UNKNOWN_ID))).getDescription())
                .isEqualTo("task " + UNKNOWN_ID + " not found");
    }

    private Auth.AuthenticateResponse authenticate(String username, String password) {
        return rpc().auth().authenticate(Auth.AuthenticateRequest.newBuilder()
                .setUsername(username).setPassword(password).build());
    }

    private static Map.Entry<String, ThrowingCallable> needing(String permission, ThrowingCallable call) {
        return Map.entry(permission, call);
    }

    private static Mcp.ModelContextResponse modelContext(RpcClient client, String modelId) {
        return client.modelContext().getModelContext(Mcp.ModelContextRequest.newBuilder().setModelId(modelId).build());
    }

    private static Data.TaskHistoryResponse history(RpcClient client, long taskId) {
        return client.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(taskId).build());
    }

    private List<JsonNode> auditEntries(String action) {
        ApiResult result = admin().get("/audit-logs?size=100&targetType=TASK&action=" + action);
        List<JsonNode> entries = new ArrayList<>();
        result.data().get("list").forEach(entries::add);
        return entries;
    }

    /** The calls that need a token, one per protected method, each with a well-formed request. */
    private static List<ThrowingCallable> protectedCalls(RpcClient client) {
        return List.of(
                () -> client.scheduler().scheduleTask(httpTask("x").build()),
                () -> client.scheduler().pauseTask(task(1)),
                () -> client.scheduler().resumeTask(task(1)),
                () -> client.scheduler().getTaskStatus(task(1)),
                () -> client.scheduler().executeTaskImmediately(task(1)),
                () -> client.scheduler().batchScheduleTasks(
                        Scheduler.BatchScheduleTasksRequest.newBuilder().addTasks(httpTask("x")).build()),
                () -> client.scheduler().deleteTask(task(1)),
                () -> client.auth().getUserPermissions(Auth.UserPermissionsRequest.getDefaultInstance()),
                () -> client.data().getTaskHistory(Data.TaskHistoryRequest.getDefaultInstance()),
                () -> client.data().getUserList(Data.UserListRequest.getDefaultInstance()),
                () -> client.data().getDepartmentList(Data.DepartmentListRequest.getDefaultInstance()),
                () -> client.data().getTaskStatistics(Data.TaskStatisticsRequest.getDefaultInstance()),
                () -> modelContext(client, "task:1"));
    }

    private static Scheduler.TaskRequest task(long id) {
        return Scheduler.TaskRequest.newBuilder().setTaskId(id).build();
    }

    private static Scheduler.ScheduleTaskRequest.Builder httpTask(String name) {
        return Scheduler.ScheduleTaskRequest.newBuilder()
                .setName(name.isEmpty() ? name : OrgFixture.unique(name)).setCronExpression(EVERY_MINUTE)
                .setHandler("http").setParams(params("{\"url\": \"http://example.com/api\"}"));
    }

    private static ByteString params(String json) {
        return ByteString.copyFrom(json, StandardCharsets.UTF_8);
    }
}
