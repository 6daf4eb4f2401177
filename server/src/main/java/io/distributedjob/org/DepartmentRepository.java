package io.distributedjob.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import io.distributedjob.storage.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DepartmentRepository {

    private static final int ENABLED = 1;
    private static final String COLUMNS = "id, name, description, parent_id, status, create_time, update_time";

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Department> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM department ORDER BY id").query(DepartmentRepository::map).list();
    }

    Optional<Department> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM department WHERE id = ?").param(id)
                .query(DepartmentRepository::map).optional();
    }

    /** Every department's id, parent and whether it is enabled: all that scope, liveness and cycle checks need. */
    List<Link> links() {
        return jdbc.sql("SELECT id, parent_id, status FROM department")
                .query((rs, n) -> new Link(rs.getLong("id"), nullableLong(rs, "parent_id"),
                        rs.getInt("status") == ENABLED)).list();
    }

    long insert(String name, String description, Long parentId, int status, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO department (name, description, parent_id, status, create_time, update_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, description, parentId, status, SqlTime.toDb(now), SqlTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, String description, Long parentId, int status, Instant now) {
        jdbc.sql("UPDATE department SET name = ?, description = ?, parent_id = ?, status = ?, update_time = ? WHERE id = ?")
                .params(name, description, parentId, status, SqlTime.toDb(now), id)
                .update();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM department WHERE id = ?").param(id).update() > 0;
    }

    /** Whether another department under the same parent already has this name. */
    boolean siblingNamed(Long parentId, String name, long exceptId) {
        String parentCondition = parentId == null ? "parent_id IS NULL" : "parent_id = :parent";
        var statement = jdbc.sql("SELECT COUNT(*) FROM department WHERE " + parentCondition
                        + " AND LOWER(name) = LOWER(:name) AND id <> :except")
                .param("name", name)
                .param("except", exceptId);
        if (parentId != null) {
            statement = statement.param("parent", parentId);
        }
        return statement.query(Long.class).single() > 0;
    }

    long countChildren(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM department WHERE parent_id = ?").param(id).query(Long.class).single();
    }

    /** Tasks are owned by the task feature; a department that still has any cannot go. */
    long countTasks(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE department_id = ?").param(id).query(Long.class).single();
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                nullableLong(rs, "parent_id"), rs.getInt("status"),
                SqlTime.fromDb(rs.getObject("create_time", LocalDateTime.class)),
                SqlTime.fromDb(rs.getObject("update_time", LocalDateTime.class)));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    record Link(long id, Long parentId, boolean enabled) {
    }
}
