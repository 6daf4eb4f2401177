package io.distributedjob.role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.distributedjob.storage.SqlTime;
import io.distributedjob.kernel.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RoleRepository {

    private static final String COLUMNS = "id, name, description, status, create_time, update_time";
    private static final int ENABLED = 1;

    private final JdbcClient jdbc;

    RoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Role> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM role WHERE id = ?").param(id).query(RoleRepository::map).optional();
    }

    Map<Long, String> names() {
        return jdbc.sql("SELECT id, name FROM role")
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<Role> findPage(String keyword, PageQuery page) {
        List<Object> params = new ArrayList<>(keywordParams(keyword));
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM role" + keywordCondition(keyword) + " ORDER BY id LIMIT ? OFFSET ?")
                .params(params).query(RoleRepository::map).list();
    }

    long count(String keyword) {
        return jdbc.sql("SELECT COUNT(*) FROM role" + keywordCondition(keyword)).params(keywordParams(keyword))
                .query(Long.class).single();
    }

    /**
     * The bootstrap administrator role: the first start creates it before any other role, so it has the lowest
     * id; empty on a database without roles.
     */
    Optional<Long> administratorRoleId() {
        return jdbc.sql("SELECT MIN(id) FROM role").query(Long.class).optional();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM role WHERE LOWER(name) = LOWER(?) AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    long insert(String name, String description, int status, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO role (name, description, status, create_time, update_time) VALUES (?, ?, ?, ?, ?)")
                .params(name, description, status, SqlTime.toDb(now), SqlTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, String description, int status, Instant now) {
        jdbc.sql("UPDATE role SET name = ?, description = ?, status = ?, update_time = ? WHERE id = ?")
                .params(name, description, status, SqlTime.toDb(now), id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM role_permission WHERE role_id = ?").param(id).update();
        jdbc.sql("DELETE FROM role WHERE id = ?").param(id).update();
    }

    void replacePermissions(long roleId, Collection<Long> permissionIds, Instant now) {
        jdbc.sql("DELETE FROM role_permission WHERE role_id = ?").param(roleId).update();
        for (long permissionId : permissionIds) {
            jdbc.sql("INSERT INTO role_permission (role_id, permission_id, create_time, update_time) VALUES (?, ?, ?, ?)")
                    .params(roleId, permissionId, SqlTime.toDb(now), SqlTime.toDb(now)).update();
        }
    }

    /** The permissions assigned to a role, whether or not they are enabled. */
    List<Permission> permissionsOf(long roleId) {
        return jdbc.sql("SELECT p.id, p.name, p.code, p.description, p.status FROM permission p"
                        + " JOIN role_permission rp ON rp.permission_id = p.id WHERE rp.role_id = ? ORDER BY p.id")
                .param(roleId).query(RoleRepository::mapPermission).list();
    }

    /** The codes a role grants: none while the role is disabled, and only enabled permissions. */
    List<String> grantedCodes(long roleId) {
        return jdbc.sql("SELECT p.code FROM permission p JOIN role_permission rp ON rp.permission_id = p.id"
                        + " JOIN role r ON r.id = rp.role_id WHERE rp.role_id = ? AND r.status = ? AND p.status = ?"
                        + " ORDER BY p.id")
                .params(roleId, ENABLED, ENABLED).query(String.class).list();
    }

    List<Permission> allPermissions() {
        return jdbc.sql("SELECT id, name, code, description, status FROM permission ORDER BY id")
                .query(RoleRepository::mapPermission).list();
    }

    private static String keywordCondition(String keyword) {
        return keyword == null ? "" : " WHERE LOWER(name) LIKE ? ESCAPE '!'";
    }

    private static List<Object> keywordParams(String keyword) {
        return keyword == null ? List.of() : List.of("%" + likeEscape(keyword.toLowerCase(Locale.ROOT)) + "%");
    }

    static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Role map(ResultSet rs, int row) throws SQLException {
        return new Role(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("status"),
                SqlTime.fromDb(rs.getObject("create_time", LocalDateTime.class)),
                SqlTime.fromDb(rs.getObject("update_time", LocalDateTime.class)));
    }

    private static Permission mapPermission(ResultSet rs, int row) throws SQLException {
        return new Permission(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
                rs.getString("description"), rs.getInt("status"));
    }
}
