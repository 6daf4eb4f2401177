package io.distributedjob.rpc;

import static io.distributedjob.rpc.RpcClient.failure;
import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import auth.Auth;
import data.Data;
import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.TestSettings;
import io.grpc.Status;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import rpc.proto.Mcp;
import scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * The gRPC TaskScheduler: creating, pausing, resuming and deleting tasks, within the caller's department scope.
 */
interface RpcSchedulerSuite extends RpcFixture {

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
                        + " \"params\": {\"name\": \"n\"}, \"headers\": {\"x-tenant\": \"acme\"},"
                        + " \"fallbackService\": \"dns:///backup:50051/djtest.greeter.Greeter\", \"fallbackMethod\": \"SayHello\"}"))
                .build());

        JsonNode task = admin().get("/tasks/" + response.getTaskId()).data();
        assertThat(task.get("taskType").asString()).isEqualTo("GRPC");
        assertThat(task.get("grpcService").asString()).isEqualTo("127.0.0.1:50051/djtest.greeter.Greeter");
        assertThat(task.get("grpcMethod").asString()).isEqualTo("SayHello");
        assertThat(ApiClient.mapper().readTree(task.get("grpcParams").asString()).get("name").asString()).isEqualTo("n");
        assertThat(ApiClient.mapper().readTree(task.get("headers").asString()).get("x-tenant").asString()).isEqualTo("acme");
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
    default void scheduleTaskNamesEveryRefusedGrpcFieldAtOnce() {
        Status status = failure(() -> rpcAdmin().scheduler().scheduleTask(httpTask("several").clearName()
                .setCronExpression("61 * * * *").setParams(params("{\"url\": \"ftp://example.com\"}")).build()));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).startsWith("name: is required; cron_expression: ")
                .endsWith("; params.url: must be an http:// or https:// URL");
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
}
