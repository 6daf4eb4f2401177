package io.distributedjob.rpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import auth.Auth;
import com.google.protobuf.ByteString;
import data.Data;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TestSettings;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import rpc.proto.Mcp;
import scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * What the gRPC suites share: the server's gRPC port, clients with and without the admin's token, and the
 * requests the suites build. One suite per service of the spec's unchanged .proto text; each runs on every
 * database.
 */
interface RpcFixture extends ServerUnderTest {

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

    default Auth.AuthenticateResponse authenticate(String username, String password) {
        return rpc().auth().authenticate(Auth.AuthenticateRequest.newBuilder()
                .setUsername(username).setPassword(password).build());
    }

    default Map.Entry<String, ThrowingCallable> needing(String permission, ThrowingCallable call) {
        return Map.entry(permission, call);
    }

    default Mcp.ModelContextResponse modelContext(RpcClient client, String modelId) {
        return client.modelContext().getModelContext(Mcp.ModelContextRequest.newBuilder().setModelId(modelId).build());
    }

    default Data.TaskHistoryResponse history(RpcClient client, long taskId) {
        return client.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(taskId).build());
    }

    default List<JsonNode> auditEntries(String action) {
        ApiResult result = admin().get("/audit-logs?size=100&targetType=TASK&action=" + action);
        List<JsonNode> entries = new ArrayList<>();
        result.data().get("list").forEach(entries::add);
        return entries;
    }

    /** The calls that need a token, one per protected method, each with a well-formed request. */
    default List<ThrowingCallable> protectedCalls(RpcClient client) {
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

    default Scheduler.TaskRequest task(long id) {
        return Scheduler.TaskRequest.newBuilder().setTaskId(id).build();
    }

    default Scheduler.ScheduleTaskRequest.Builder httpTask(String name) {
        return Scheduler.ScheduleTaskRequest.newBuilder()
                .setName(name.isEmpty() ? name : OrgFixture.unique(name)).setCronExpression(EVERY_MINUTE)
                .setHandler("http").setParams(params("{\"url\": \"http://example.com/api\"}"));
    }

    default ByteString params(String json) {
        return ByteString.copyFrom(json, StandardCharsets.UTF_8);
    }
}
