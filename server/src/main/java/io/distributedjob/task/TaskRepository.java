package io.distributedjob.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.distributedjob.storage.SqlTime;
import io.distributedjob.kernel.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The task table, for the REST API. The engine's claims and leases are in the engine package. */
@Repository
class TaskRepository implements TaskLookup {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TaskRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<Task> find(long id) {
        return jdbc.sql("SELECT " + TaskRows.columns("t") + " FROM task t WHERE t.id = ?")
                .param(id).query((rs, n) -> TaskRows.map(rs)).optional();
    }

    long insert(TaskDefinition d, Instant next, long creatorId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(TaskRows.INSERT).params(TaskRows.insertValues(d, next, creatorId, now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Replaces the definition. When the fire times change ({@code next} given) the engine's cursor restarts at
     * {@code next} and any lease on the old fire times is dropped; otherwise claimed fires stay where they are.
     */
    boolean update(long id, TaskDefinition d, boolean rescheduled, Instant next, Instant now) {
        String schedule = rescheduled ? ", next_execute_time = ?, lease_owner = NULL, claimed_from = NULL" : "";
        List<Object> params = TaskRows.definitionValues(d);
        params.add(SqlTime.toDb(now));
        if (rescheduled) {
            params.add(SqlTime.toDb(next));
        }
        params.add(id);
        return jdbc.sql("UPDATE task SET " + TaskRows.DEFINITION_ASSIGNMENTS
                        + ", update_time = ?, version = version + 1" + schedule + " WHERE id = ?")
                .params(params).update() == 1;
    }

    boolean updateStatus(long id, TaskStatus status, Instant next, Instant now) {
        return jdbc.sql("UPDATE task SET status = ?, next_execute_time = ?, lease_owner = NULL, claimed_from = NULL,"
                        + " update_time = ?, version = version + 1 WHERE id = ?")
                .params(status.code(), SqlTime.toDb(next), SqlTime.toDb(now), id).update() == 1;
    }

    /** Deletes the row and notes the deletion for the engines of other instances, in one transaction. */
    boolean delete(long id, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (jdbc.sql("DELETE FROM task WHERE id = ?").param(id).update() != 1) {
                return false;
            }
            jdbc.sql("INSERT INTO task_deletion (task_id, delete_time) VALUES (?, ?)")
                    .params(id, SqlTime.toDb(now)).update();
            return true;
        }));
    }

    /** A page newest first: by offset, or (keyset) the tasks below {@code afterId} when it is given. */
    List<Task> page(TaskFilter filter, Long afterId, PageQuery page) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params);
        String below = "";
        if (afterId != null) {
            below = " AND t.id < ?";
            params.add(afterId);
        }
        String sql = "SELECT " + TaskRows.columns("t") + " FROM task t" + where.sql + below
                + " ORDER BY t.id DESC LIMIT " + page.size() + " OFFSET " + (afterId == null ? page.offset() : 0);
        return jdbc.sql(sql).params(params).query((rs, n) -> TaskRows.map(rs)).list();
    }

    /**
     * How many tasks the filter finds, counting no further than {@code cap}: a list's total stays cheap however
     * large the table (an exact count of a million rows takes most of a second).
     */
    long countUpTo(TaskFilter filter, int cap) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM task t" + where.sql + " LIMIT " + cap + ") capped")
                .params(where.params).query(Long.class).single();
    }

    long count(TaskFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM task t" + where.sql).params(where.params).query(Long.class).single();
    }

    static Where where(TaskFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions.add("t.department_id IN (" + placeholders(filter.departments().size()) + ")");
        params.addAll(filter.departments());
        if (filter.keyword() != null) {
            // a prefix match, so that the index on name serves it: a contains match reads every row
            conditions.add("t.name LIKE ? ESCAPE '!'");
            params.add(filter.keyword().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.taskType() != null) {
            conditions.add("t.task_type = ?");
            params.add(filter.taskType().name());
        }
        if (filter.status() != null) {
            conditions.add("t.status = ?");
            params.add(filter.status().code());
        }
        return new Where(" WHERE " + String.join(" AND ", conditions), params);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    record Where(String sql, List<Object> params) {
    }
}
