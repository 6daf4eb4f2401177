package io.distributedjob.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.distributedjob.storage.SqlTime;
import io.distributedjob.kernel.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS = "id, username, password, real_name, email, phone, department_id, role_id,"
            + " status, token_version, create_time, update_time";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user WHERE id = ?").param(id).query(UserRepository::map).optional();
    }

    Optional<User> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user WHERE username = ?").param(username)
                .query(UserRepository::map).optional();
    }

    boolean usernameTaken(String username, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM user WHERE LOWER(username) = LOWER(?) AND id <> ?")
                .params(username, exceptId).query(Long.class).single() > 0;
    }

    /**
     * A page of the users in {@code departments} (null: in any department) whose username or real name contains
     * {@code keyword} (null: any).
     */
    List<User> findPage(Set<Long> departments, String keyword, PageQuery page) {
        Filter filter = filter(departments, keyword);
        List<Object> params = new ArrayList<>(filter.params());
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM user" + filter.where() + " ORDER BY id LIMIT ? OFFSET ?")
                .params(params).query(UserRepository::map).list();
    }

    long count(Set<Long> departments, String keyword) {
        Filter filter = filter(departments, keyword);
        return jdbc.sql("SELECT COUNT(*) FROM user" + filter.where()).params(filter.params()).query(Long.class).single();
    }

    long insert(User user, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO user (username, password, real_name, email, phone, department_id, role_id, status,"
                        + " token_version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(user.username(), user.passwordHash(), user.realName(), user.email(), user.phone(),
                        user.departmentId(), user.roleId(), user.status(), SqlTime.toDb(now), SqlTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Writes every field including the password hash and token version, as the caller computed them. */
    void update(User user, Instant now) {
        jdbc.sql("UPDATE user SET username = ?, password = ?, real_name = ?, email = ?, phone = ?, department_id = ?,"
                        + " role_id = ?, status = ?, token_version = ?, update_time = ? WHERE id = ?")
                .params(user.username(), user.passwordHash(), user.realName(), user.email(), user.phone(),
                        user.departmentId(), user.roleId(), user.status(), user.tokenVersion(), SqlTime.toDb(now),
                        user.id())
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM user WHERE id = ?").param(id).update();
    }

    /** Moves the token version of every user in {@code departments} on, so none of their tokens works any more. */
    void advanceTokenVersions(Set<Long> departments) {
        if (departments.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE user SET token_version = token_version + 1 WHERE department_id IN ("
                        + String.join(", ", Collections.nCopies(departments.size(), "?")) + ")")
                .params(List.copyOf(departments)).update();
    }

    long countInDepartment(long departmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM user WHERE department_id = ?").param(departmentId).query(Long.class).single();
    }

    long countWithRole(long roleId) {
        return jdbc.sql("SELECT COUNT(*) FROM user WHERE role_id = ?").param(roleId).query(Long.class).single();
    }

    Set<Long> departmentsWithRole(long roleId) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT department_id FROM user WHERE role_id = ?").param(roleId)
                .query(Long.class).list());
    }

    private static Filter filter(Set<Long> departments, String keyword) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (departments != null && departments.isEmpty()) {
            conditions.add("1 = 0");
        } else if (departments != null) {
            conditions.add("department_id IN (" + String.join(", ", Collections.nCopies(departments.size(), "?")) + ")");
            params.addAll(departments);
        }
        if (keyword != null) {
            conditions.add("(LOWER(username) LIKE ? ESCAPE '!' OR LOWER(real_name) LIKE ? ESCAPE '!')");
            String pattern = "%" + likeEscape(keyword.toLowerCase(Locale.ROOT)) + "%";
            params.add(pattern);
            params.add(pattern);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Filter(where, params);
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("password"),
                rs.getString("real_name"), rs.getString("email"), rs.getString("phone"), rs.getLong("department_id"),
                rs.getLong("role_id"), rs.getInt("status"), rs.getLong("token_version"),
                SqlTime.fromDb(rs.getObject("create_time", LocalDateTime.class)),
                SqlTime.fromDb(rs.getObject("update_time", LocalDateTime.class)));
    }

    private record Filter(String where, List<Object> params) {
    }
}
