package io.distributedjob.rpc;

import static io.distributedjob.rpc.RpcClient.failure;
import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The gRPC AuthService: logging in, refreshing and validating tokens, and the token and permission every other method needs.
 */
interface RpcAuthSuite extends RpcFixture {

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
}
