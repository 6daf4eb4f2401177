package io.distributedjob.support;

import static io.distributedjob.support.ApiClient.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Builds organisation data through the REST API as a given actor: departments, roles and users with names unique
 * to the test, so that suites sharing a server never collide.
 */
public final class OrgFixture {

    public static final String PASSWORD = "fixture-password-1";

    private final ApiClient actor;

    public OrgFixture(ApiClient actor) {
        this.actor = actor;
    }

    public static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The bootstrap root department's id (the admin's department). */
    public long rootDepartment() {
        return actor.get("/auth/userinfo").data().get("departmentId").asLong();
    }

    public long department(String name, Long parentId) {
        ApiResult result = actor.post("/departments", json("name", unique(name), "parentId", parentId));
        return created(result);
    }

    public Map<String, Long> permissionIds() {
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode permission : actor.get("/permissions").data()) {
            ids.put(permission.get("code").asString(), permission.get("id").asLong());
        }
        return ids;
    }

    public long role(String name, String... codes) {
        Map<String, Long> ids = permissionIds();
        List<Long> permissions = new ArrayList<>();
        for (String code : codes) {
            permissions.add(ids.get(code));
        }
        return created(actor.post("/roles", json("name", unique(name), "permissions", permissions)));
    }

    /** Creates a user with {@link #PASSWORD}; the username is made unique from {@code name}. */
    public Created user(String name, long departmentId, long roleId) {
        String username = unique(name);
        ApiResult result = actor.post("/users", json("username", username, "password", PASSWORD,
                "realName", name, "departmentId", departmentId, "roleId", roleId));
        return new Created(created(result), username);
    }

    private static long created(ApiResult result) {
        if (result.status() != 200) {
            throw new AssertionError("creation failed: " + result);
        }
        return result.data().get("id").asLong();
    }

    public record Created(long id, String username) {
    }
}
