package io.distributedjob.org;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.task.TaskApiSuite;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The department API over real HTTP: every endpoint's success, validation, scope and conflict paths. */
public interface DepartmentApiSuite extends ServerUnderTest {

    /** Direct database access, only to plant rows another feature owns (tasks). */
    ApplicationContext context();

    default JdbcTemplate jdbc() {
        return context().getBean(JdbcTemplate.class);
    }

    @Test
    default void createdDepartmentsAppearInTheListTheTreeAndByIdAndCanBeChanged() {
        OrgFixture org = new OrgFixture(admin());
        long root = org.rootDepartment();
        String parentName = OrgFixture.unique("研发");
        ApiResult created = admin().post("/departments", json("name", parentName, "description", "R&D", "parentId", root, "status", 1));
        assertThat(created.status()).isEqualTo(200);
        long parent = created.data().get("id").asLong();
        assertThat(created.data().get("parentId").asLong()).isEqualTo(root);
        assertThat(created.data().get("createTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*([+-]\\d\\d:\\d\\d|Z)");
        long child = org.department("平台组", parent);

        ApiResult one = admin().get("/departments/" + parent);
        assertThat(one.data().get("name").asString()).isEqualTo(parentName);
        assertThat(one.data().get("description").asString()).isEqualTo("R&D");

        ApiResult flat = admin().get("/departments?keyword=" + parentName.substring(parentName.indexOf('-') + 1));
        assertThat(flat.data().isArray()).isTrue();
        assertThat(ids(flat.data())).containsExactly(parent);

        JsonNode tree = admin().get("/departments?tree=true").data();
        JsonNode rootNode = find(tree, root);
        JsonNode parentNode = find(rootNode.get("children"), parent);
        assertThat(ids(parentNode.get("children"))).containsExactly(child);

        ApiResult updated = admin().put("/departments/" + child, json("name", "改名", "parentId", root, "status", 0));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().get("parentId").asLong()).isEqualTo(root);
        assertThat(updated.data().get("status").asInt()).isZero();

        assertThat(admin().delete("/departments/" + child).status()).isEqualTo(200);
        assertThat(admin().get("/departments/" + child).status()).isEqualTo(404);
    }

    @Test
    default void invalidDepartmentsAreRefusedNamingTheField() {
        long root = new OrgFixture(admin()).rootDepartment();

        assertInvalid(admin().post("/departments", json("description", "no name", "parentId", root)), "name");
        assertInvalid(admin().post("/departments", json("name", "x", "parentId", root, "status", 7)), "status");
        assertInvalid(admin().post("/departments", json("name", "x", "parentId", 987654321)), "parentId");
        assertInvalid(admin().post("/departments", json("name", "x".repeat(256), "parentId", root)), "name");
        assertInvalid(admin().get("/departments/abc"), "id");
        long existing = new OrgFixture(admin()).department("valid", root);
        assertInvalid(admin().put("/departments/" + existing, json("name", " ", "parentId", root)), "name");
    }

    @Test
    default void aDepartmentCannotBecomeItsOwnAncestor() {
        OrgFixture org = new OrgFixture(admin());
        long parent = org.department("上级", org.rootDepartment());
        long child = org.department("下级", parent);
        long grandchild = org.department("再下级", child);

        assertInvalid(admin().put("/departments/" + parent, json("name", "上级", "parentId", grandchild)), "parentId");
        assertInvalid(admin().put("/departments/" + parent, json("name", "上级", "parentId", parent)), "parentId");
    }

    @Test
    default void unknownDepartmentsAnswer404() {
        assertThat(admin().get("/departments/987654321").code()).isEqualTo(4004);
        assertThat(admin().put("/departments/987654321", json("name", "x")).code()).isEqualTo(4004);
        ApiResult delete = admin().delete("/departments/987654321");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.code()).isEqualTo(4004);
    }

    @Test
    default void duplicateSiblingNamesConflict() {
        OrgFixture org = new OrgFixture(admin());
        long parent = org.department("父", org.rootDepartment());
        String name = OrgFixture.unique("同名");
        assertThat(admin().post("/departments", json("name", name, "parentId", parent)).status()).isEqualTo(200);

        ApiResult duplicate = admin().post("/departments", json("name", name, "parentId", parent));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo(4009);
        assertThat(admin().post("/departments", json("name", name, "parentId", org.rootDepartment())).status())
                .as("the same name elsewhere").isEqualTo(200);
        long sibling = org.department("兄弟", parent);
        ApiResult rename = admin().put("/departments/" + sibling, json("name", name, "parentId", parent));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.code()).isEqualTo(4009);
    }

    @Test
    default void aDepartmentWithSubDepartmentsUsersOrTasksCannotBeDeleted() {
        OrgFixture org = new OrgFixture(admin());
        long withChild = org.department("有下级", org.rootDepartment());
        org.department("下级", withChild);
        long withUser = org.department("有用户", org.rootDepartment());
        org.user("member", withUser, org.role("viewer", Permissions.TASK_VIEW));
        long withTask = org.department("有任务", org.rootDepartment());
        jdbc().update("INSERT INTO task (name, department_id, task_type, cron_expression, timezone, creator_id)"
                + " VALUES ('planted', ?, 'HTTP', '* * * * *', 'UTC', 1)", withTask);

        for (long id : new long[] {withChild, withUser, withTask}) {
            ApiResult result = admin().delete("/departments/" + id);
            assertThat(result.status()).as("department %d", id).isEqualTo(409);
            assertThat(result.code()).isEqualTo(4009);
        }
        jdbc().update("DELETE FROM task WHERE department_id = ?", withTask);
        assertThat(admin().delete("/departments/" + withTask).status()).isEqualTo(200);
    }

    @Test
    default void siblingDepartmentsAreIsolatedFromEachOther() {
        OrgFixture org = new OrgFixture(admin());
        long a = org.department("A", org.rootDepartment());
        long aChild = org.department("A-child", a);
        long b = org.department("B", org.rootDepartment());
        long managerRole = org.role("dept-manager", Permissions.DEPARTMENT_MANAGE, Permissions.TASK_VIEW);
        ApiClient managerOfA = api().login(org.user("manager-a", a, managerRole).username(), OrgFixture.PASSWORD);

        assertThat(ids(managerOfA.get("/departments").data())).containsExactlyInAnyOrder(a, aChild);
        assertThat(ids(managerOfA.get("/departments?tree=true").data())).containsExactly(a);
        assertForbidden(managerOfA.get("/departments/" + b));
        assertForbidden(managerOfA.post("/departments", json("name", "under B", "parentId", b)));
        assertForbidden(managerOfA.put("/departments/" + b, json("name", "taken over", "parentId", org.rootDepartment())));
        assertForbidden(managerOfA.delete("/departments/" + b));
        assertForbidden(managerOfA.put("/departments/" + aChild, json("name", "moved", "parentId", b)));
        assertForbidden(managerOfA.post("/departments", json("name", "top level")));

        ApiResult inOwnScope = managerOfA.post("/departments", json("name", OrgFixture.unique("A-new"), "parentId", aChild));
        assertThat(inOwnScope.status()).isEqualTo(200);
    }

    @Test
    default void scopeFollowsAChangeOfTheHierarchyAtOnce() {
        OrgFixture org = new OrgFixture(admin());
        long a = org.department("A", org.rootDepartment());
        long b = org.department("B", org.rootDepartment());
        long bChild = org.department("B-child", b);
        ApiClient managerOfA = api().login(org.user("manager-a", a,
                org.role("dept-manager", Permissions.DEPARTMENT_MANAGE)).username(), OrgFixture.PASSWORD);
        assertForbidden(managerOfA.get("/departments/" + bChild));
        String bName = admin().get("/departments/" + b).data().get("name").asString();

        assertThat(admin().put("/departments/" + b, json("name", bName, "parentId", a)).status()).isEqualTo(200);

        assertThat(ids(managerOfA.get("/departments").data())).containsExactlyInAnyOrder(a, b, bChild);
        assertThat(managerOfA.get("/departments/" + bChild).status()).isEqualTo(200);
    }

    @Test
    default void changingDepartmentsNeedsDepartmentManageButReadingOnlyALogin() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("viewers", org.rootDepartment());
        ApiClient viewer = api().login(org.user("viewer", department, org.role("viewer", Permissions.TASK_VIEW)).username(),
                OrgFixture.PASSWORD);

        assertThat(ids(viewer.get("/departments").data())).containsExactly(department);
        assertThat(viewer.get("/departments/" + department).status()).isEqualTo(200);
        assertForbidden(viewer.post("/departments", json("name", "x", "parentId", department)));
        assertForbidden(viewer.put("/departments/" + department, json("name", "x")));
        assertForbidden(viewer.delete("/departments/" + department));
    }

    @Test
    default void aDepartmentCreatedWithoutAParentGoesUnderTheRootAndSeesOnlyItsOwnSubtree() {
        OrgFixture org = new OrgFixture(admin());
        long root = org.rootDepartment();
        ApiResult created = admin().post("/departments", json("name", OrgFixture.unique("no-parent")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        long parentless = created.data().get("id").asLong();
        assertThat(created.data().get("parentId").asLong()).isEqualTo(root);
        long sibling = org.department("sibling", root);
        long siblingTask = admin().post("/tasks/http", TaskApiSuite.httpTask(sibling, TaskApiSuite.DISABLED_TARGET))
                .data().get("id").asLong();
        long role = org.role("dept-and-tasks", Permissions.DEPARTMENT_MANAGE, Permissions.TASK_VIEW, Permissions.TASK_UPDATE,
                Permissions.TASK_DELETE);
        ApiClient member = api().login(org.user("member", parentless, role).username(), OrgFixture.PASSWORD);

        assertThat(ids(member.get("/departments").data())).containsExactly(parentless);
        assertForbidden(member.get("/departments/" + root));
        assertForbidden(member.get("/tasks/" + siblingTask));
        assertForbidden(member.post("/tasks/" + siblingTask + "/run", null));
        assertForbidden(member.delete("/tasks/" + siblingTask));
        assertThat(member.get("/tasks?size=100").data().get("total").asLong()).isZero();

        ApiResult moved = admin().put("/departments/" + sibling,
                json("name", admin().get("/departments/" + sibling).data().get("name").asString()));
        assertThat(moved.data().get("parentId").asLong()).as("no parent on update also means the root").isEqualTo(root);
    }

    @Test
    default void theRootDepartmentCannotBeDisabledMovedOrDeleted() {
        OrgFixture org = new OrgFixture(admin());
        long root = org.rootDepartment();
        long child = org.department("child", root);
        String name = admin().get("/departments/" + root).data().get("name").asString();

        assertInvalid(admin().put("/departments/" + root, json("name", name, "status", 0)), "status");
        assertInvalid(admin().put("/departments/" + root, json("name", name, "parentId", child)), "parentId");
        ApiResult delete = admin().delete("/departments/" + root);
        assertThat(delete.status()).as(delete.raw()).isEqualTo(409);
        assertThat(admin().get("/departments/" + root).data().get("status").asInt()).isEqualTo(1);
        assertThat(admin().put("/departments/" + root, json("name", name, "description", "总部")).status()).isEqualTo(200);
    }

    @Test
    default void aDisabledDepartmentEndsItsAndItsSubDepartmentsSessionsUntilEnabledAgain() {
        OrgFixture org = new OrgFixture(admin());
        long parent = org.department("parent", org.rootDepartment());
        long child = org.department("child", parent);
        long role = org.role("viewer", Permissions.TASK_VIEW);
        OrgFixture.Created inParent = org.user("in-parent", parent, role);
        OrgFixture.Created inChild = org.user("in-child", child, role);
        ApiClient parentSession = api().login(inParent.username(), OrgFixture.PASSWORD);
        ApiClient childSession = api().login(inChild.username(), OrgFixture.PASSWORD);
        String parentName = admin().get("/departments/" + parent).data().get("name").asString();
        long root = org.rootDepartment();

        assertThat(admin().put("/departments/" + parent, json("name", parentName, "parentId", root, "status", 0)).status())
                .isEqualTo(200);

        assertThat(parentSession.get("/tasks").status()).isEqualTo(401);
        assertThat(childSession.get("/tasks").status()).as("a disabled department disables those below it").isEqualTo(401);
        ApiResult login = api().post("/auth/login", json("username", inChild.username(), "password", OrgFixture.PASSWORD));
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.message()).as("answers as a wrong password does").isEqualTo("invalid username or password");

        assertThat(admin().put("/departments/" + parent, json("name", parentName, "parentId", root, "status", 1)).status())
                .isEqualTo(200);

        assertThat(parentSession.get("/tasks").status()).as("ended sessions stay ended").isEqualTo(401);
        assertThat(api().login(inChild.username(), OrgFixture.PASSWORD).get("/tasks").status()).isEqualTo(200);
        assertThat(api().login(inParent.username(), OrgFixture.PASSWORD).get("/tasks").status()).isEqualTo(200);
    }

    @Test
    default void nobodyDisablesTheirOwnDepartment() {
        OrgFixture org = new OrgFixture(admin());
        long parent = org.department("parent", org.rootDepartment());
        long child = org.department("child", parent);
        ApiClient managerOfChild = api().login(org.user("manager", child,
                org.role("dept-manager", Permissions.DEPARTMENT_MANAGE)).username(), OrgFixture.PASSWORD);
        String childName = admin().get("/departments/" + child).data().get("name").asString();

        assertForbidden(managerOfChild.put("/departments/" + child, json("name", childName, "parentId", parent, "status", 0)));
        assertThat(managerOfChild.get("/departments/" + child).data().get("status").asInt()).isEqualTo(1);
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

    private static List<Long> ids(JsonNode array) {
        return array.valueStream().map(node -> node.get("id").asLong()).toList();
    }

    private static JsonNode find(JsonNode array, long id) {
        return array.valueStream().filter(node -> node.get("id").asLong() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no department " + id + " in " + array));
    }
}
