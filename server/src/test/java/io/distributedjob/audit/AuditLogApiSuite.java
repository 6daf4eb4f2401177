package io.distributedjob.audit;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit trail over real HTTP: what is recorded, the filters, and who may read which entries. */
public interface AuditLogApiSuite extends ServerUnderTest {

    @Test
    default void loginsAreRecordedWhetherTheySucceedOrNot() {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created user = org.user("logger", org.rootDepartment(), org.role("viewer", Permissions.TASK_VIEW));
        String unknown = OrgFixture.unique("ghost");
        api().post("/auth/login", json("username", user.username(), "password", "wrong-password"));
        api().post("/auth/login", json("username", unknown, "password", "whatever-password"));
        api().login(user.username(), OrgFixture.PASSWORD);

        List<JsonNode> entries = list(admin().get("/audit-logs?action=login&actor=" + user.username()));

        assertThat(entries).extracting(entry -> entry.get("outcome").asString()).containsExactly("SUCCESS", "FAILURE");
        JsonNode success = entries.get(0);
        assertThat(success.get("targetType").asString()).isEqualTo("USER");
        assertThat(success.get("targetId").asLong()).isEqualTo(user.id());
        assertThat(success.get("actorId").asLong()).isEqualTo(user.id());
        assertThat(success.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(success.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*([+-]\\d\\d:\\d\\d|Z)");
        List<JsonNode> ghost = list(admin().get("/audit-logs?actor=" + unknown));
        assertThat(ghost).hasSize(1);
        assertThat(ghost.get(0).get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(ghost.get(0).get("actorId").isNull()).isTrue();
    }

    @Test
    default void changesToDepartmentsRolesAndUsersAreRecordedWithTheirTargets() {
        OrgFixture adminOrg = new OrgFixture(admin());
        long managerRole = adminOrg.role("org-manager", Permissions.DEPARTMENT_MANAGE, Permissions.ROLE_MANAGE,
                Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        OrgFixture.Created manager = adminOrg.user("org-manager", adminOrg.rootDepartment(), managerRole);
        ApiClient session = api().login(manager.username(), OrgFixture.PASSWORD);
        OrgFixture org = new OrgFixture(session);
        long department = org.department("audited", adminOrg.rootDepartment());
        long role = org.role("audited", Permissions.TASK_VIEW);
        OrgFixture.Created user = org.user("audited", department, role);
        session.put("/users/" + user.id(), json("username", user.username(), "realName", "renamed",
                "departmentId", department, "roleId", role));
        session.delete("/users/" + user.id());
        Map<String, Long> permissions = org.permissionIds();
        ApiResult refused = session.post("/roles", json("name", OrgFixture.unique("grab"),
                "permissions", List.of(permissions.get(Permissions.RECORD_VIEW))));
        assertThat(refused.status()).isEqualTo(403);

        List<JsonNode> entries = list(admin().get("/audit-logs?size=100&actor=" + manager.username()));

        assertThat(entries).extracting(AuditLogApiSuite::summary).contains(
                "CREATE DEPARTMENT " + department + " SUCCESS",
                "CREATE ROLE " + role + " SUCCESS",
                "CREATE USER " + user.id() + " SUCCESS",
                "UPDATE USER " + user.id() + " SUCCESS",
                "DELETE USER " + user.id() + " SUCCESS",
                "CREATE ROLE null FAILURE");
        JsonNode failure = entries.stream().filter(entry -> entry.get("outcome").asString().equals("FAILURE"))
                .findFirst().orElseThrow();
        assertThat(failure.get("detail").asString()).contains("record:view");
        assertThat(list(admin().get("/audit-logs?size=100&targetType=user&action=DELETE&actor=" + manager.username())))
                .hasSize(1);
    }

    @Test
    default void entriesCanBeFilteredByTime() {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created user = org.user("timed", org.rootDepartment(), org.role("viewer", Permissions.TASK_VIEW));
        api().login(user.username(), OrgFixture.PASSWORD);
        Instant now = Instant.now();
        String around = "&from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofHours(1));
        String later = "&from=" + now.plus(Duration.ofHours(1));
        String earlier = "&to=" + now.minus(Duration.ofHours(1));

        assertThat(list(admin().get("/audit-logs?actor=" + user.username() + around))).hasSize(1);
        assertThat(list(admin().get("/audit-logs?actor=" + user.username() + later))).isEmpty();
        assertThat(list(admin().get("/audit-logs?actor=" + user.username() + earlier))).isEmpty();
    }

    @Test
    default void managersSeeOnlyWhatActorsOfTheirDepartmentsDid() {
        OrgFixture org = new OrgFixture(admin());
        long a = org.department("audit-A", org.rootDepartment());
        long b = org.department("audit-B", org.rootDepartment());
        long viewer = org.role("viewer", Permissions.TASK_VIEW);
        OrgFixture.Created inA = org.user("actor-a", a, viewer);
        OrgFixture.Created inB = org.user("actor-b", b, viewer);
        api().login(inA.username(), OrgFixture.PASSWORD);
        api().login(inB.username(), OrgFixture.PASSWORD);
        ApiClient managerOfA = api().login(org.user("manager-a", a,
                org.role("um", Permissions.USER_MANAGE, Permissions.TASK_VIEW)).username(), OrgFixture.PASSWORD);

        assertThat(list(managerOfA.get("/audit-logs?actor=" + inA.username()))).hasSize(1);
        assertThat(list(managerOfA.get("/audit-logs?actor=" + inB.username()))).isEmpty();
        assertThat(list(managerOfA.get("/audit-logs?size=100")))
                .allSatisfy(entry -> assertThat(entry.get("actorDepartmentId").asLong()).isEqualTo(a));
        assertThat(list(admin().get("/audit-logs?actor=" + inB.username()))).hasSize(1);
    }

    @Test
    default void readingTheAuditLogNeedsUserManageAndValidFilters() {
        OrgFixture org = new OrgFixture(admin());
        ApiClient viewer = api().login(org.user("viewer", org.rootDepartment(), org.role("viewer", Permissions.TASK_VIEW))
                .username(), OrgFixture.PASSWORD);

        ApiResult forbidden = viewer.get("/audit-logs");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo(4003);
        ApiResult badTime = admin().get("/audit-logs?from=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.message()).contains("from");
        ApiResult backwards = admin().get("/audit-logs?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.message()).contains("to");
        assertThat(admin().get("/audit-logs?size=500").code()).isEqualTo(4001);
    }

    private static List<JsonNode> list(ApiResult result) {
        assertThat(result.status()).as(result.raw()).isEqualTo(200);
        return result.data().get("list").valueStream().toList();
    }

    private static String summary(JsonNode entry) {
        JsonNode target = entry.get("targetId");
        return entry.get("action").asString() + " " + entry.get("targetType").asString() + " "
                + (target.isNull() ? "null" : target.asLong()) + " " + entry.get("outcome").asString();
    }
}
