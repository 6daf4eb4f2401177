package io.distributedjob.alert;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.distributedjob.storage.SqlTime;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads enabled tasks whose next fire is overdue. The engine moves {@code next_execute_time} forward when it
 * claims a fire, so a value left in the past means nobody has claimed (and so nobody has started) that fire.
 */
@Repository
class OverdueTasks {

    /** Most overdue tasks read at once; a check reads page after page, oldest first. */
    static final int BATCH = 1000;

    private final JdbcClient jdbc;

    OverdueTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Overdue(long taskId, String name, long departmentId, Instant nextFire) {
    }

    /**
     * Up to {@link #BATCH} tasks overdue at {@code instant}, oldest first, after {@code after} (null: from the
     * oldest), so a check can page through all of them however many there are.
     */
    List<Overdue> dueBefore(Instant instant, Overdue after) {
        String sql = "SELECT id, name, department_id, next_execute_time FROM task WHERE status IN ("
                + TaskStatus.SCHEDULED_CODES + ") AND next_execute_time < ?"
                + (after == null ? "" : " AND (next_execute_time > ? OR (next_execute_time = ? AND id > ?))")
                + " ORDER BY next_execute_time, id LIMIT " + BATCH;
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(SqlTime.toDb(instant));
        if (after != null) {
            statement = statement.param(SqlTime.toDb(after.nextFire())).param(SqlTime.toDb(after.nextFire()))
                    .param(after.taskId());
        }
        return statement.query((rs, n) -> new Overdue(rs.getLong("id"), rs.getString("name"),
                        rs.getLong("department_id"), SqlTime.fromDb(rs.getObject("next_execute_time", LocalDateTime.class))))
                .list();
    }
}
