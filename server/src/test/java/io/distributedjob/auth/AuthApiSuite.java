package io.distributedjob.auth;

import io.distributedjob.access.Permissions;
import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Login, refresh, logout, userinfo and the refusal of every kind of bad token, over real HTTP. */
public interface AuthApiSuite extends ServerUnderTest {

    @Test
    default void loginAnswersTokensAndTheUser() {
        ApiResult result = api().post("/auth/login",
                json("username", TestSettings.ADMIN_USERNAME, "password", TestSettings.ADMIN_PASSWORD));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.code()).isZero();
        JsonNode data = result.data();
        assertThat(data.get("token").asString()).contains(".");
        assertThat(data.get("refreshToken").asString()).isNotEqualTo(data.get("token").asString());
        assertThat(data.get("expiresIn").asLong()).isEqualTo(30 * 60);
        JsonNode user = data.get("user");
        assertThat(user.get("username").asString()).isEqualTo(TestSettings.ADMIN_USERNAME);
        assertThat(user.get("departmentName").asString()).isEqualTo("总部");
        assertThat(user.get("roleName").asString()).isEqualTo("管理员");
        assertThat(user.get("id").asLong()).isPositive();
        assertThat(user.get("departmentId").asLong()).isPositive();
        assertThat(user.get("roleId").asLong()).isPositive();
        assertThat(user.get("realName").asString()).isNotBlank();
    }

    @Test
    default void userinfoListsTheCallersPermissions() {
        ApiResult result = admin().get("/auth/userinfo");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("username").asString()).isEqualTo(TestSettings.ADMIN_USERNAME);
        assertThat(result.data().get("permissions").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("task:view", "task:create", "task:update", "task:delete",
                        "record:view", "department:manage", "user:manage", "role:manage");
        assertThat(result.data().get("passwordChangeRequired").asBoolean()).as("not the sample password").isFalse();
        assertThat(result.raw()).doesNotContain("\"password\"").doesNotContain("$2a$");
    }

    @Test
    default void unknownUserWrongPasswordAndDisabledUserAnswerAlike() {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created disabled = org.user("disabled", org.rootDepartment(), org.role("viewer", Permissions.TASK_VIEW));
        ApiResult disable = admin().put("/users/" + disabled.id(), json("username", disabled.username(),
                "realName", "disabled", "departmentId", org.rootDepartment(),
                "roleId", admin().get("/users/" + disabled.id()).data().get("roleId").asLong(), "status", 0));
        assertThat(disable.status()).isEqualTo(200);

        ApiResult unknown = api().post("/auth/login", json("username", OrgFixture.unique("nobody"), "password", "whatever-password"));
        ApiResult wrong = api().post("/auth/login", json("username", TestSettings.ADMIN_USERNAME, "password", "wrong-password"));
        ApiResult off = api().post("/auth/login", json("username", disabled.username(), "password", OrgFixture.PASSWORD));

        for (ApiResult result : new ApiResult[] {unknown, wrong, off}) {
            assertThat(result.status()).isEqualTo(401);
            assertThat(result.code()).isEqualTo(4010);
            assertThat(result.message()).isEqualTo("invalid username or password");
        }
    }

    @Test
    default void loginWithoutUsernameOrPasswordIsInvalid() {
        ApiResult noUser = api().post("/auth/login", json("password", "x"));
        ApiResult noPassword = api().post("/auth/login", json("username", "admin"));
        ApiResult notJson = api().post("/auth/login", "{");

        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.code()).isEqualTo(4001);
        assertThat(noUser.message()).startsWith("username");
        assertThat(noPassword.message()).startsWith("password");
        assertThat(notJson.code()).isEqualTo(4001);
    }

    @Test
    default void everyProtectedEndpointNeedsAToken() {
        for (String path : new String[] {"/auth/userinfo", "/departments", "/users", "/roles", "/permissions", "/audit-logs"}) {
            ApiResult result = api().get(path);
            assertThat(result.status()).as(path).isEqualTo(401);
            assertThat(result.code()).as(path).isEqualTo(4010);
        }
        assertThat(api().post("/auth/logout", null).status()).isEqualTo(401);
    }

    @Test
    default void healthIsPublicAndUnknownRoutesAnswer404WithoutAToken() {
        assertThat(api().get("/health").status()).isEqualTo(200);
        ApiResult unknown = api().get("/no-such-route");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(4004);
    }

    @Test
    default void damagedAndForgedTokensAreRefused() throws Exception {
        String token = login().get("token").asString();

        for (String bad : new String[] {"garbage", token + "x", Tokens.tampered(token), Tokens.unsigned(token),
                Tokens.signedWithOtherSecret(token)}) {
            ApiResult result = api().withToken(bad).get("/auth/userinfo");
            assertThat(result.status()).as(bad).isEqualTo(401);
            assertThat(result.code()).as(bad).isEqualTo(4010);
        }
        assertThat(api().withToken(token).get("/auth/userinfo").status()).isEqualTo(200);
    }

    @Test
    default void aRefreshTokenIsNotAnAccessTokenNorTheOtherWayRound() {
        JsonNode login = login();

        ApiResult refreshAsAccess = api().withToken(login.get("refreshToken").asString()).get("/auth/userinfo");
        ApiResult accessAsRefresh = api().post("/auth/refresh", json("refreshToken", login.get("token").asString()));

        assertThat(refreshAsAccess.status()).isEqualTo(401);
        assertThat(accessAsRefresh.status()).isEqualTo(401);
        assertThat(accessAsRefresh.code()).isEqualTo(4010);
    }

    @Test
    default void refreshRotatesAndAcceptsTheTokenInTheBodyOrTheHeader() {
        JsonNode login = login();

        ApiResult first = api().post("/auth/refresh", json("refreshToken", login.get("refreshToken").asString()));
        assertThat(first.status()).isEqualTo(200);
        String rotated = first.data().get("refreshToken").asString();
        assertThat(rotated).isNotEqualTo(login.get("refreshToken").asString());
        assertThat(api().withToken(first.data().get("token").asString()).get("/auth/userinfo").status()).isEqualTo(200);

        ApiResult second = api().withToken(rotated).post("/auth/refresh", null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(api().withToken(second.data().get("token").asString()).get("/auth/userinfo").status()).isEqualTo(200);
    }

    @Test
    default void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        JsonNode login = login();
        String original = login.get("refreshToken").asString();
        ApiResult rotated = api().post("/auth/refresh", json("refreshToken", original));
        assertThat(rotated.status()).isEqualTo(200);

        ApiResult reuse = api().post("/auth/refresh", json("refreshToken", original));

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo(4010);
        assertThat(api().post("/auth/refresh", json("refreshToken", rotated.data().get("refreshToken").asString())).status())
                .isEqualTo(401);
        assertThat(api().withToken(rotated.data().get("token").asString()).get("/auth/userinfo").status()).isEqualTo(401);
        assertThat(api().withToken(login.get("token").asString()).get("/auth/userinfo").status()).isEqualTo(401);
        assertThat(admin().get("/auth/userinfo").status()).as("other sessions go on").isEqualTo(200);
    }

    @Test
    default void logoutRevokesTheAccessTokenAndTheRefreshFamily() {
        JsonNode login = login();
        ApiClient session = api().withToken(login.get("token").asString());

        assertThat(session.post("/auth/logout", null).status()).isEqualTo(200);

        ApiResult afterLogout = session.get("/auth/userinfo");
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.code()).isEqualTo(4010);
        assertThat(api().post("/auth/refresh", json("refreshToken", login.get("refreshToken").asString())).status())
                .isEqualTo(401);
        assertThat(admin().get("/auth/userinfo").status()).isEqualTo(200);
    }

    @Test
    default void changingThePasswordEndsExistingSessions() {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created user = org.user("changer", org.rootDepartment(), org.role("viewer", Permissions.TASK_VIEW));
        ApiClient session = api().login(user.username(), OrgFixture.PASSWORD);
        String refresh = api().post("/auth/login", json("username", user.username(), "password", OrgFixture.PASSWORD))
                .data().get("refreshToken").asString();

        ApiResult change = session.patch("/users/" + user.id() + "/password",
                json("oldPassword", OrgFixture.PASSWORD, "newPassword", "a-brand-new-password"));

        assertThat(change.status()).isEqualTo(200);
        assertThat(session.get("/auth/userinfo").status()).isEqualTo(401);
        assertThat(api().post("/auth/refresh", json("refreshToken", refresh)).status()).isEqualTo(401);
        assertThat(api().post("/auth/login", json("username", user.username(), "password", OrgFixture.PASSWORD)).status())
                .isEqualTo(401);
        assertThat(api().login(user.username(), "a-brand-new-password").get("/auth/userinfo").status()).isEqualTo(200);
    }

    @Test
    default void disablingOrDeletingAUserEndsTheirSessions() {
        OrgFixture org = new OrgFixture(admin());
        long role = org.role("viewer", Permissions.TASK_VIEW);
        OrgFixture.Created disabled = org.user("to-disable", org.rootDepartment(), role);
        OrgFixture.Created deleted = org.user("to-delete", org.rootDepartment(), role);
        ApiClient disabledSession = api().login(disabled.username(), OrgFixture.PASSWORD);
        ApiClient deletedSession = api().login(deleted.username(), OrgFixture.PASSWORD);
        assertThat(disabledSession.get("/auth/userinfo").status()).isEqualTo(200);

        admin().put("/users/" + disabled.id(), json("username", disabled.username(), "realName", "x",
                "departmentId", org.rootDepartment(), "roleId", role, "status", 0));
        admin().delete("/users/" + deleted.id());

        assertThat(disabledSession.get("/auth/userinfo").status()).isEqualTo(401);
        assertThat(deletedSession.get("/auth/userinfo").status()).isEqualTo(401);
    }

    @Test
    default void aTokenFromBeforeAPermissionChangeSeesTheNewPermissions() {
        OrgFixture org = new OrgFixture(admin());
        long role = org.role("growing", Permissions.TASK_VIEW);
        OrgFixture.Created user = org.user("grower", org.rootDepartment(), role);
        ApiClient session = api().login(user.username(), OrgFixture.PASSWORD);
        assertThat(session.get("/users").status()).isEqualTo(403);

        long userManage = org.permissionIds().get(Permissions.USER_MANAGE);
        long taskView = org.permissionIds().get(Permissions.TASK_VIEW);
        String name = admin().get("/roles/" + role).data().get("name").asString();
        assertThat(admin().put("/roles/" + role, json("name", name, "permissions", java.util.List.of(taskView, userManage)))
                .status()).isEqualTo(200);

        assertThat(session.get("/users").status()).isEqualTo(200);
    }

    private JsonNode login() {
        ApiResult result = api().post("/auth/login",
                json("username", TestSettings.ADMIN_USERNAME, "password", TestSettings.ADMIN_PASSWORD));
        assertThat(result.status()).isEqualTo(200);
        return result.data();
    }
}
