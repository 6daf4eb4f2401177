package io.distributedjob.user;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The user API over real HTTP: success, validation, not-found, conflict, scope and escalation paths. */
public interface UserApiSuite extends ServerUnderTest {

    @Test
    default void usersAreCreatedReadListedUpdatedAndDeleted() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("用户部", org.rootDepartment());
        long role = org.role("viewer", Permissions.TASK_VIEW);
        String username = OrgFixture.unique("zhang.san");

        ApiResult created = admin().post("/users", json("username", username, "password", "first-password",
                "realName", "张三", "email", "zs@example.com", "phone", "13800138000",
                "departmentId", department, "roleId", role, "status", 1));
        assertThat(created.status()).isEqualTo(200);
        long id = created.data().get("id").asLong();
        assertThat(created.data().get("departmentName").asString()).startsWith("用户部");
        assertThat(created.raw()).doesNotContain("first-password").doesNotContain("$2a$");

        ApiResult one = admin().get("/users/" + id);
        assertThat(one.data().get("username").asString()).isEqualTo(username);
        assertThat(one.data().get("email").asString()).isEqualTo("zs@example.com");
        assertThat(one.data().has("password")).isFalse();
        assertThat(one.raw()).doesNotContain("$2a$");

        org.user("second", department, role);
        ApiResult page = admin().get("/users?departmentId=" + department + "&page=1&size=1");
        assertThat(page.data().get("total").asLong()).isEqualTo(2);
        assertThat(page.data().get("list").size()).isEqualTo(1);
        assertThat(page.data().get("page").asInt()).isEqualTo(1);
        assertThat(page.data().get("size").asInt()).isEqualTo(1);
        ApiResult byKeyword = admin().get("/users?keyword=" + username);
        assertThat(usernames(byKeyword.data().get("list"))).containsExactly(username);
        ApiResult byRealName = admin().get("/users?departmentId=" + department + "&keyword=张");
        assertThat(usernames(byRealName.data().get("list"))).containsExactly(username);

        ApiResult updated = admin().put("/users/" + id, json("username", username, "realName", "张三丰",
                "departmentId", department, "roleId", role));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().get("realName").asString()).isEqualTo("张三丰");
        assertThat(updated.data().get("email").isNull()).isTrue();
        assertThat(updated.data().get("status").asInt()).as("status kept when omitted").isEqualTo(1);
        assertThat(api().login(username, "first-password").get("/auth/userinfo").status())
                .as("password kept when omitted").isEqualTo(200);

        assertThat(admin().delete("/users/" + id).status()).isEqualTo(200);
        assertThat(admin().get("/users/" + id).status()).isEqualTo(404);
    }

    @Test
    default void invalidUsersAreRefusedNamingTheField() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.rootDepartment();
        long role = org.role("viewer", Permissions.TASK_VIEW);

        assertInvalid(admin().post("/users", json("username", OrgFixture.unique("u"), "password", "short77",
                "realName", "x", "departmentId", department, "roleId", role)), "password");
        assertInvalid(admin().post("/users", json("username", OrgFixture.unique("u"),
                "realName", "x", "departmentId", department, "roleId", role)), "password");
        assertInvalid(admin().post("/users", json("password", "long-enough-pw", "realName", "x",
                "departmentId", department, "roleId", role)), "username");
        assertInvalid(admin().post("/users", json("username", "bad name!", "password", "long-enough-pw",
                "realName", "x", "departmentId", department, "roleId", role)), "username");
        assertInvalid(admin().post("/users", json("username", OrgFixture.unique("u"), "password", "long-enough-pw",
                "realName", "x", "email", "not-an-email", "departmentId", department, "roleId", role)), "email");
        assertInvalid(admin().post("/users", json("username", OrgFixture.unique("u"), "password", "long-enough-pw",
                "realName", "x", "departmentId", 987654321, "roleId", role)), "departmentId");
        assertInvalid(admin().post("/users", json("username", OrgFixture.unique("u"), "password", "long-enough-pw",
                "realName", "x", "departmentId", department, "roleId", 987654321)), "roleId");
        assertInvalid(admin().get("/users?page=0"), "page");
        OrgFixture.Created existing = org.user("valid", department, role);
        assertInvalid(admin().put("/users/" + existing.id(), json("username", existing.username(), "password", "short",
                "realName", "x", "departmentId", department, "roleId", role)), "password");
        assertInvalid(admin().put("/users/" + existing.id(), json("username", existing.username(),
                "departmentId", department, "roleId", role)), "realName");
        assertInvalid(admin().get("/users?size=101"), "size");
    }

    @Test
    default void unknownUsersAnswer404() {
        long role = new OrgFixture(admin()).role("viewer", Permissions.TASK_VIEW);
        long department = new OrgFixture(admin()).rootDepartment();
        assertThat(admin().get("/users/987654321").code()).isEqualTo(4004);
        assertThat(admin().put("/users/987654321", json("username", "ghost", "realName", "x",
                "departmentId", department, "roleId", role)).code()).isEqualTo(4004);
        assertThat(admin().delete("/users/987654321").status()).isEqualTo(404);
        assertThat(admin().patch("/users/987654321/password", json("newPassword", "long-enough-pw")).code())
                .isEqualTo(4004);
    }

    @Test
    default void duplicateUsernamesConflict() {
        OrgFixture org = new OrgFixture(admin());
        long role = org.role("viewer", Permissions.TASK_VIEW);
        OrgFixture.Created existing = org.user("taken", org.rootDepartment(), role);
        OrgFixture.Created other = org.user("other", org.rootDepartment(), role);

        ApiResult create = admin().post("/users", json("username", existing.username().toUpperCase(),
                "password", "long-enough-pw", "realName", "x", "departmentId", org.rootDepartment(), "roleId", role));
        ApiResult rename = admin().put("/users/" + other.id(), json("username", existing.username(), "realName", "x",
                "departmentId", org.rootDepartment(), "roleId", role));

        assertThat(create.status()).isEqualTo(409);
        assertThat(create.code()).isEqualTo(4009);
        assertThat(rename.status()).isEqualTo(409);
    }

    @Test
    default void usersOfSiblingDepartmentsAreIsolated() {
        OrgFixture org = new OrgFixture(admin());
        long a = org.department("A", org.rootDepartment());
        long b = org.department("B", org.rootDepartment());
        long viewer = org.role("viewer", Permissions.TASK_VIEW);
        long managerRole = org.role("user-manager", Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        OrgFixture.Created inA = org.user("in-a", a, viewer);
        OrgFixture.Created inB = org.user("in-b", b, viewer);
        ApiClient managerOfA = api().login(org.user("manager-a", a, managerRole).username(), OrgFixture.PASSWORD);

        List<String> listed = usernames(managerOfA.get("/users?size=100").data().get("list"));
        assertThat(listed).contains(inA.username()).doesNotContain(inB.username(), "admin");
        assertForbidden(managerOfA.get("/users?departmentId=" + b));
        assertForbidden(managerOfA.get("/users/" + inB.id()));
        assertForbidden(managerOfA.put("/users/" + inB.id(), json("username", inB.username(), "realName", "x",
                "departmentId", b, "roleId", viewer)));
        assertForbidden(managerOfA.delete("/users/" + inB.id()));
        assertForbidden(managerOfA.patch("/users/" + inB.id() + "/password", json("newPassword", "long-enough-pw")));
        assertForbidden(managerOfA.post("/users", json("username", OrgFixture.unique("new"), "password", "long-enough-pw",
                "realName", "x", "departmentId", b, "roleId", viewer)));
        assertForbidden(managerOfA.put("/users/" + inA.id(), json("username", inA.username(), "realName", "x",
                "departmentId", b, "roleId", viewer)));
        assertThat(managerOfA.get("/users/" + inA.id()).status()).isEqualTo(200);
    }

    @Test
    default void toAScopedManagerAnUnknownDepartmentLooksForeign() {
        OrgFixture org = new OrgFixture(admin());
        long a = org.department("A", org.rootDepartment());
        long b = org.department("B", org.rootDepartment());
        long viewer = org.role("viewer", Permissions.TASK_VIEW);
        long managerRole = org.role("user-manager", Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        OrgFixture.Created inA = org.user("in-a", a, viewer);
        ApiClient managerOfA = api().login(org.user("manager-a", a, managerRole).username(), OrgFixture.PASSWORD);
        long unknown = 987654321;

        ApiResult toUnknown = managerOfA.post("/users", json("username", OrgFixture.unique("new"),
                "password", "long-enough-pw", "realName", "x", "departmentId", unknown, "roleId", viewer));
        ApiResult toForeign = managerOfA.post("/users", json("username", OrgFixture.unique("new"),
                "password", "long-enough-pw", "realName", "x", "departmentId", b, "roleId", viewer));
        ApiResult movedToUnknown = managerOfA.put("/users/" + inA.id(), json("username", inA.username(),
                "realName", "x", "departmentId", unknown, "roleId", viewer));
        for (ApiResult refused : List.of(toUnknown, toForeign, movedToUnknown)) {
            assertForbidden(refused);
            assertThat(refused.message()).doesNotContain(String.valueOf(unknown)).doesNotContain(String.valueOf(b));
        }
        assertThat(toUnknown.message()).isEqualTo(toForeign.message());
    }

    @Test
    default void nobodyGrantsWhatTheyLackOrChangesTheirOwnRoleOrDepartment() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("esc", org.rootDepartment());
        long sub = org.department("esc-sub", department);
        long viewer = org.role("viewer", Permissions.TASK_VIEW);
        long managerRole = org.role("user-manager", Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        long strongRole = org.role("strong", Permissions.USER_MANAGE, Permissions.TASK_VIEW, Permissions.ROLE_MANAGE);
        OrgFixture.Created manager = org.user("manager", department, managerRole);
        OrgFixture.Created strong = org.user("strong", department, strongRole);
        OrgFixture.Created weak = org.user("weak", department, viewer);
        ApiClient session = api().login(manager.username(), OrgFixture.PASSWORD);

        assertForbidden(session.post("/users", json("username", OrgFixture.unique("x"), "password", "long-enough-pw",
                "realName", "x", "departmentId", department, "roleId", strongRole)));
        assertForbidden(session.put("/users/" + weak.id(), json("username", weak.username(), "realName", "x",
                "departmentId", department, "roleId", strongRole)));
        assertForbidden(session.put("/users/" + strong.id(), json("username", strong.username(), "realName", "x",
                "departmentId", department, "roleId", viewer)));
        assertForbidden(session.delete("/users/" + strong.id()));
        assertForbidden(session.patch("/users/" + strong.id() + "/password", json("newPassword", "taken-over-pw")));
        assertForbidden(session.put("/users/" + manager.id(), json("username", manager.username(), "realName", "x",
                "departmentId", sub, "roleId", managerRole)));
        assertForbidden(session.put("/users/" + manager.id(), json("username", manager.username(), "realName", "x",
                "departmentId", department, "roleId", viewer)));
        assertForbidden(session.put("/users/" + manager.id(), json("username", manager.username(), "realName", "x",
                "departmentId", department, "roleId", managerRole, "status", 0)));
        assertForbidden(session.delete("/users/" + manager.id()));
        assertThat(api().login(strong.username(), OrgFixture.PASSWORD).get("/auth/userinfo").status()).isEqualTo(200);

        ApiResult ownProfile = session.put("/users/" + manager.id(), json("username", manager.username(),
                "realName", "新名字", "departmentId", department, "roleId", managerRole));
        assertThat(ownProfile.status()).isEqualTo(200);
        ApiResult moveWeak = session.put("/users/" + weak.id(), json("username", weak.username(), "realName", "x",
                "departmentId", sub, "roleId", viewer));
        assertThat(moveWeak.status()).isEqualTo(200);
    }

    @Test
    default void passwordChangesNeedTheOldPasswordOrUserManageOverTheTarget() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("pw", org.rootDepartment());
        long viewer = org.role("viewer", Permissions.TASK_VIEW);
        long managerRole = org.role("user-manager", Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        OrgFixture.Created plain = org.user("plain", department, viewer);
        OrgFixture.Created colleague = org.user("colleague", department, viewer);
        ApiClient plainSession = api().login(plain.username(), OrgFixture.PASSWORD);
        ApiClient managerSession = api().login(org.user("manager", department, managerRole).username(), OrgFixture.PASSWORD);

        assertInvalid(plainSession.patch("/users/" + plain.id() + "/password",
                json("oldPassword", "not-my-password", "newPassword", "long-enough-pw")), "oldPassword");
        assertInvalid(plainSession.patch("/users/" + plain.id() + "/password",
                json("newPassword", "long-enough-pw")), "oldPassword");
        assertInvalid(plainSession.patch("/users/" + plain.id() + "/password",
                json("oldPassword", OrgFixture.PASSWORD, "newPassword", "short")), "newPassword");
        assertForbidden(plainSession.patch("/users/" + colleague.id() + "/password", json("newPassword", "long-enough-pw")));

        ApiResult reset = managerSession.patch("/users/" + colleague.id() + "/password", json("newPassword", "reset-by-manager"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(api().login(colleague.username(), "reset-by-manager").get("/auth/userinfo").status()).isEqualTo(200);
    }

    @Test
    default void theProfileUpdateDoesNotChangeOnesOwnPasswordButAuditsAResetOfAnothers() {
        OrgFixture org = new OrgFixture(admin());
        long managerRole = org.role("self-manager", Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        long viewer = org.role("viewer", Permissions.TASK_VIEW);
        OrgFixture.Created manager = org.user("self-manager", org.rootDepartment(), managerRole);
        OrgFixture.Created colleague = org.user("reset-colleague", org.rootDepartment(), viewer);
        ApiClient session = api().login(manager.username(), OrgFixture.PASSWORD);

        ApiResult own = session.put("/users/" + manager.id(), json("username", manager.username(), "password",
                "taken-over-password", "realName", "x", "departmentId", org.rootDepartment(), "roleId", managerRole));

        assertInvalid(own, "password");
        assertThat(own.message()).contains("PATCH /users/" + manager.id() + "/password").contains("oldPassword");
        assertThat(api().post("/auth/login", json("username", manager.username(), "password", "taken-over-password"))
                .status()).isEqualTo(401);
        assertThat(session.get("/auth/userinfo").status()).as("the session goes on").isEqualTo(200);

        ApiResult reset = session.put("/users/" + colleague.id(), json("username", colleague.username(), "password",
                "reset-by-profile", "realName", "x", "departmentId", org.rootDepartment(), "roleId", viewer));
        assertThat(reset.status()).isEqualTo(200);
        JsonNode changes = admin().get("/audit-logs?action=CHANGE_PASSWORD&actor=" + manager.username()).data().get("list");
        assertThat(changes.valueStream().map(entry -> entry.get("targetId").asLong())).containsExactly(colleague.id());
    }

    @Test
    default void managingUsersNeedsUserManage() {
        OrgFixture org = new OrgFixture(admin());
        long viewerRole = org.role("viewer", Permissions.TASK_VIEW);
        OrgFixture.Created viewer = org.user("viewer", org.rootDepartment(), viewerRole);
        ApiClient session = api().login(viewer.username(), OrgFixture.PASSWORD);

        assertForbidden(session.get("/users"));
        assertForbidden(session.get("/users/" + viewer.id()));
        assertForbidden(session.post("/users", json("username", OrgFixture.unique("x"), "password", "long-enough-pw",
                "realName", "x", "departmentId", org.rootDepartment(), "roleId", viewerRole)));
        assertForbidden(session.put("/users/" + viewer.id(), json("username", viewer.username(), "realName", "x",
                "departmentId", org.rootDepartment(), "roleId", viewerRole)));
        assertForbidden(session.delete("/users/" + viewer.id()));
    }

    private static void assertInvalid(ApiResult result, String field) {
        assertThat(result.status()).as(result.raw()).isEqualTo(400);
        assertThat(result.code()).isEqualTo(4001);
        assertThat(result.message()).contains(field);
    }

    private static void assertForbidden(ApiResult result) {
        assertThat(result.status()).as(result.raw()).isEqualTo(403);
        assertThat(result.code()).isEqualTo(4003);
    }

    private static List<String> usernames(JsonNode list) {
        return list.valueStream().map(node -> node.get("username").asString()).toList();
    }
}
