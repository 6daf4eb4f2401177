package io.distributedjob.role;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The role and permission API over real HTTP: success, validation, not-found, conflict and escalation paths. */
public interface RoleApiSuite extends ServerUnderTest {

    @Test
    default void permissionsAreTheSpecsEightForAnyLoggedInUser() {
        OrgFixture org = new OrgFixture(admin());
        ApiClient nobody = api().login(org.user("no-perms", org.rootDepartment(), org.role("empty")).username(),
                OrgFixture.PASSWORD);

        ApiResult result = nobody.get("/permissions");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().isArray()).isTrue();
        assertThat(result.data().valueStream().map(node -> node.get("code").asString()))
                .containsExactlyInAnyOrder("task:view", "task:create", "task:update", "task:delete", "record:view",
                        "department:manage", "user:manage", "role:manage");
        assertThat(result.data().get(0).get("name").asString()).isNotBlank();
    }

    @Test
    default void rolesAreCreatedReadListedUpdatedAndDeleted() {
        Map<String, Long> permissions = new OrgFixture(admin()).permissionIds();
        String name = OrgFixture.unique("运维");
        ApiResult created = admin().post("/roles", json("name", name, "description", "ops",
                "permissions", List.of(permissions.get("task:view"), permissions.get("record:view")), "status", 1));
        assertThat(created.status()).isEqualTo(200);
        long id = created.data().get("id").asLong();

        JsonNode one = admin().get("/roles/" + id).data();
        assertThat(one.get("name").asString()).isEqualTo(name);
        assertThat(longs(one.get("permissions"))).containsExactlyInAnyOrder(permissions.get("task:view"), permissions.get("record:view"));
        assertThat(strings(one.get("permissionCodes"))).containsExactlyInAnyOrder("task:view", "record:view");

        ApiResult page = admin().get("/roles?keyword=" + name + "&page=1&size=5");
        assertThat(page.data().get("total").asLong()).isEqualTo(1);
        assertThat(page.data().get("list").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(admin().get("/roles?size=1").data().get("list").size()).isEqualTo(1);

        ApiResult updated = admin().put("/roles/" + id, json("name", name + "-2", "permissions",
                List.of(permissions.get("task:create")), "status", 0));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(strings(updated.data().get("permissionCodes"))).containsExactly("task:create");
        assertThat(updated.data().get("status").asInt()).isZero();

        assertThat(admin().delete("/roles/" + id).status()).isEqualTo(200);
        assertThat(admin().get("/roles/" + id).status()).isEqualTo(404);
    }

    @Test
    default void invalidRolesAreRefusedNamingTheField() {
        assertInvalid(admin().post("/roles", json("permissions", List.of())), "name");
        assertInvalid(admin().post("/roles", json("name", OrgFixture.unique("r"))), "permissions");
        assertInvalid(admin().post("/roles", json("name", OrgFixture.unique("r"), "permissions", List.of(987654321))), "permissions");
        assertInvalid(admin().post("/roles", json("name", "x".repeat(51), "permissions", List.of())), "name");
        assertInvalid(admin().post("/roles", json("name", OrgFixture.unique("r"), "permissions", List.of(), "status", 3)), "status");
        long existing = new OrgFixture(admin()).role("valid");
        assertInvalid(admin().put("/roles/" + existing, json("name", "x", "permissions", List.of(987654321))), "permissions");
        assertInvalid(admin().put("/roles/" + existing, json("name", "", "permissions", List.of())), "name");
    }

    @Test
    default void unknownRolesAnswer404() {
        assertThat(admin().get("/roles/987654321").code()).isEqualTo(4004);
        assertThat(admin().put("/roles/987654321", json("name", "x", "permissions", List.of())).code()).isEqualTo(4004);
        ApiResult delete = admin().delete("/roles/987654321");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.code()).isEqualTo(4004);
    }

    @Test
    default void duplicateNamesAndRolesStillHeldConflict() {
        OrgFixture org = new OrgFixture(admin());
        long held = org.role("held", Permissions.TASK_VIEW);
        org.user("holder", org.rootDepartment(), held);
        String heldName = admin().get("/roles/" + held).data().get("name").asString();

        ApiResult duplicate = admin().post("/roles", json("name", heldName, "permissions", List.of()));
        ApiResult delete = admin().delete("/roles/" + held);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo(4009);
        long other = org.role("other");
        ApiResult rename = admin().put("/roles/" + other, json("name", heldName, "permissions", List.of()));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.code()).isEqualTo(4009);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.code()).isEqualTo(4009);
    }

    @Test
    default void readingRolesNeedsRoleOrUserManageAndChangingThemRoleManage() {
        OrgFixture org = new OrgFixture(admin());
        long some = org.role("some", Permissions.TASK_VIEW);
        ApiClient viewer = api().login(org.user("viewer", org.rootDepartment(), org.role("viewer", Permissions.TASK_VIEW))
                .username(), OrgFixture.PASSWORD);
        ApiClient userManager = api().login(org.user("um", org.rootDepartment(),
                org.role("um", Permissions.USER_MANAGE, Permissions.TASK_VIEW)).username(), OrgFixture.PASSWORD);

        assertForbidden(viewer.get("/roles"));
        assertForbidden(viewer.get("/roles/" + some));
        assertThat(userManager.get("/roles").status()).isEqualTo(200);
        assertThat(userManager.get("/roles/" + some).status()).isEqualTo(200);
        assertForbidden(userManager.post("/roles", json("name", OrgFixture.unique("r"), "permissions", List.of())));
        assertForbidden(userManager.put("/roles/" + some, json("name", "x", "permissions", List.of())));
        assertForbidden(userManager.delete("/roles/" + some));
    }

    @Test
    default void nobodyGrantsAPermissionTheyLack() {
        OrgFixture org = new OrgFixture(admin());
        Map<String, Long> permissions = org.permissionIds();
        long managerRole = org.role("role-manager", Permissions.ROLE_MANAGE, Permissions.TASK_VIEW);
        long stronger = org.role("stronger", Permissions.TASK_VIEW, Permissions.USER_MANAGE);
        long weaker = org.role("weaker", Permissions.TASK_VIEW);
        ApiClient manager = api().login(org.user("rm", org.rootDepartment(), managerRole).username(), OrgFixture.PASSWORD);

        assertForbidden(manager.post("/roles", json("name", OrgFixture.unique("grab"),
                "permissions", List.of(permissions.get("user:manage")))));
        assertForbidden(manager.put("/roles/" + weaker, json("name", OrgFixture.unique("grab"),
                "permissions", List.of(permissions.get("task:view"), permissions.get("task:delete")))));
        assertForbidden(manager.put("/roles/" + stronger, json("name", OrgFixture.unique("demote"),
                "permissions", List.of(permissions.get("task:view")))));
        assertForbidden(manager.delete("/roles/" + stronger));
        assertForbidden(manager.put("/roles/" + managerRole, json("name", OrgFixture.unique("self"),
                "permissions", List.of(permissions.get("task:view"), permissions.get("role:manage")))));
        assertThat(strings(admin().get("/roles/" + weaker).data().get("permissionCodes"))).containsExactly("task:view");

        ApiResult within = manager.post("/roles", json("name", OrgFixture.unique("ok"),
                "permissions", List.of(permissions.get("task:view"))));
        assertThat(within.status()).isEqualTo(200);
    }

    @Test
    default void aRoleManagerReachesOnlyRolesWhoseHoldersAreAllInTheirScope() {
        OrgFixture org = new OrgFixture(admin());
        Map<String, Long> permissions = org.permissionIds();
        long a = org.department("A", org.rootDepartment());
        long b = org.department("B", org.rootDepartment());
        long managerRole = org.role("role-manager", Permissions.ROLE_MANAGE, Permissions.TASK_VIEW, Permissions.TASK_UPDATE);
        ApiClient managerOfA = api().login(org.user("rm", a, managerRole).username(), OrgFixture.PASSWORD);
        long heldInB = org.role("held-in-b", Permissions.TASK_VIEW);
        org.user("in-a", a, heldInB);
        org.user("in-b", b, heldInB);
        long heldInA = org.role("held-in-a", Permissions.TASK_VIEW);
        org.user("only-a", a, heldInA);
        long unheld = org.role("unheld", Permissions.TASK_VIEW);
        List<Long> viewOnly = List.of(permissions.get("task:view"));

        assertForbidden(managerOfA.put("/roles/" + heldInB, json("name", OrgFixture.unique("strip"), "permissions", List.of())));
        assertForbidden(managerOfA.put("/roles/" + heldInB, json("name", OrgFixture.unique("off"), "permissions", viewOnly,
                "status", 0)));
        assertForbidden(managerOfA.delete("/roles/" + heldInB));
        JsonNode untouched = admin().get("/roles/" + heldInB).data();
        assertThat(untouched.get("status").asInt()).isEqualTo(1);
        assertThat(strings(untouched.get("permissionCodes"))).containsExactly("task:view");

        assertThat(managerOfA.put("/roles/" + heldInA, json("name", OrgFixture.unique("changed"), "permissions", viewOnly,
                "status", 0)).status()).isEqualTo(200);
        assertThat(managerOfA.delete("/roles/" + unheld).status()).isEqualTo(200);
    }

    @Test
    default void theAdministratorRoleStaysEnabledWithEveryPermissionWhoeverAsks() {
        OrgFixture org = new OrgFixture(admin());
        JsonNode adminInfo = admin().get("/auth/userinfo").data();
        long administrators = adminInfo.get("roleId").asLong();
        String name = admin().get("/roles/" + administrators).data().get("name").asString();
        List<Long> all = List.copyOf(org.permissionIds().values());
        long fullRole = org.role("full", adminInfo.get("permissions").valueStream().map(JsonNode::asString)
                .toArray(String[]::new));
        ApiClient other = api().login(org.user("other-admin", org.rootDepartment(), fullRole).username(), OrgFixture.PASSWORD);

        assertInvalid(other.put("/roles/" + administrators, json("name", name, "permissions", all, "status", 0)), "status");
        assertInvalid(other.put("/roles/" + administrators, json("name", name,
                "permissions", all.subList(0, all.size() - 1))), "permissions");
        ApiResult delete = other.delete("/roles/" + administrators);
        assertThat(delete.status()).as(delete.raw()).isEqualTo(409);
        JsonNode kept = admin().get("/roles/" + administrators).data();
        assertThat(kept.get("status").asInt()).isEqualTo(1);
        assertThat(kept.get("permissionCodes").size()).isEqualTo(all.size());
        assertThat(other.put("/roles/" + administrators, json("name", name, "description", "still whole",
                "permissions", all)).status()).isEqualTo(200);
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

    private static List<Long> longs(JsonNode array) {
        return array.valueStream().map(JsonNode::asLong).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
