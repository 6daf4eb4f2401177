package io.distributedjob.record;

import io.distributedjob.kernel.TriggerType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.distributedjob.storage.SqlTime;
import io.distributedjob.kernel.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queries over one month table of execution records. */
@Repository
class RecordRepository {

    private static final String COLUMNS = "id, " + String.join(", ", RecordColumns.names());

    private final JdbcClient jdbc;
    private final RecordTables tables;

    RecordRepository(JdbcClient jdbc, RecordTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    List<StoredRecord> page(YearMonth month, RecordFilter filter, PageQuery page) {
        Where where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + RecordTables.tableName(month) + where.sql
                        + " ORDER BY id DESC LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(where.params).query((rs, n) -> map(rs)).list();
    }

    long count(YearMonth month, RecordFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM " + RecordTables.tableName(month) + where.sql)
                .params(where.params).query(Long.class).single();
    }

    /**
     * The records matching {@code filter} scheduled within [{@code from}, {@code to}) (an end is open when null),
     * latest scheduled first.
     */
    List<StoredRecord> slice(YearMonth month, RecordFilter filter, Instant from, Instant to, int limit, long offset) {
        Where where = where(filter, from, to);
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + RecordTables.tableName(month) + where.sql
                        + " ORDER BY scheduled_time DESC, id DESC LIMIT " + limit + " OFFSET " + offset)
                .params(where.params).query((rs, n) -> map(rs)).list();
    }

    long count(YearMonth month, RecordFilter filter, Instant from, Instant to) {
        Where where = where(filter, from, to);
        return jdbc.sql("SELECT COUNT(*) FROM " + RecordTables.tableName(month) + where.sql)
                .params(where.params).query(Long.class).single();
    }

    /** Sums over the records matching {@code filter} scheduled within [{@code from}, {@code to}). */
    RecordTotals.Sums sums(YearMonth month, RecordFilter filter, Instant from, Instant to) {
        Where where = where(filter, from, to, true);
        return jdbc.sql("SELECT COUNT(*) AS total, COALESCE(SUM(success), 0) AS ok, COALESCE(SUM(cost_time), 0) AS cost,"
                        + " COALESCE(MAX(cost_time), 0) AS max_cost, COALESCE(SUM(retry_times), 0) AS retries,"
                        + " COALESCE(SUM(used_fallback), 0) AS fallbacks FROM " + RecordTables.tableName(month) + where.sql)
                .params(where.params)
                .query((rs, n) -> new RecordTotals.Sums(rs.getLong("total"), rs.getLong("ok"), rs.getLong("cost"),
                        rs.getLong("max_cost"), rs.getLong("retries"), rs.getLong("fallbacks")))
                .single();
    }

    Optional<StoredRecord> find(YearMonth month, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + RecordTables.tableName(month) + " WHERE id = ?")
                .param(id).query((rs, n) -> map(rs)).optional();
    }

    /**
     * Totals per day: {@code dayStarts} are the instants where each day of the month begins (plus the end of the
     * last), so days follow the server's time zone exactly. Returns, per day index, {total, success, costSum}.
     */
    Map<Integer, long[]> daily(YearMonth month, RecordFilter filter, List<Instant> dayStarts) {
        Where where = where(filter, null, null, true);
        StringBuilder day = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = 1; i < dayStarts.size(); i++) {
            day.append(" WHEN scheduled_time < ? THEN ").append(i);
            params.add(SqlTime.toDb(dayStarts.get(i)));
        }
        day.append(" ELSE 0 END");
        params.addAll(where.params);
        Map<Integer, long[]> days = new HashMap<>();
        jdbc.sql("SELECT d, COUNT(*) AS total, SUM(s) AS ok, SUM(c) AS cost FROM (SELECT " + day + " AS d, success AS s,"
                        + " cost_time AS c FROM " + RecordTables.tableName(month) + where.sql + ") x GROUP BY d")
                .params(params)
                .query(rs -> {
                    days.put(rs.getInt("d"), new long[] {rs.getLong("total"), rs.getLong("ok"), rs.getLong("cost")});
                });
        return days;
    }

    /** The latest start time per task within one month. */
    Map<Long, Instant> lastStartTimes(YearMonth month, Collection<Long> taskIds) {
        Map<Long, Instant> last = new HashMap<>();
        if (taskIds.isEmpty() || !tables.exists(month)) {
            return last;
        }
        jdbc.sql("SELECT task_id, MAX(start_time) AS last_start FROM " + RecordTables.tableName(month)
                        + " WHERE task_id IN (" + placeholders(taskIds.size()) + ") GROUP BY task_id")
                .params(new ArrayList<>(taskIds))
                .query(rs -> {
                    last.put(rs.getLong("task_id"), SqlTime.fromDb(rs.getObject("last_start", LocalDateTime.class)));
                });
        return last;
    }

    /** The first {@code limit} running records of {@code departments} within one month, oldest start first. */
    List<StoredRecord> running(YearMonth month, Set<Long> departments, long limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + RecordTables.tableName(month) + runningOf(departments)
                        + " ORDER BY start_time, id LIMIT " + limit)
                .params(new ArrayList<>(departments)).query((rs, n) -> map(rs)).list();
    }

    long countRunning(YearMonth month, Set<Long> departments) {
        return jdbc.sql("SELECT COUNT(*) FROM " + RecordTables.tableName(month) + runningOf(departments))
                .params(new ArrayList<>(departments)).query(Long.class).single();
    }

    private static String runningOf(Set<Long> departments) {
        return " WHERE status = " + ExecutionRecord.RUNNING + " AND department_id IN ("
                + placeholders(departments.size()) + ")";
    }

    /** The record of the fire of {@code taskId} scheduled at {@code scheduled}, if written. */
    Optional<StoredRecord> fire(YearMonth month, long taskId, Instant scheduled) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + RecordTables.tableName(month)
                        + " WHERE task_id = ? AND scheduled_time = ?")
                .params(taskId, SqlTime.toDb(scheduled)).query((rs, n) -> map(rs)).optional();
    }

    /**
     * Completes the running records of {@code taskId} in [{@code from}, {@code to}) within one month that
     * {@code executor} left behind, as failed with {@code error}: nobody knows what their calls did.
     */
    int recordUnknown(YearMonth month, long taskId, String executor, Instant from, Instant to, String error,
                      Instant now) {
        if (!tables.exists(month)) {
            return 0;
        }
        return jdbc.sql("UPDATE " + RecordTables.tableName(month) + " SET status = " + ExecutionRecord.FAILED
                        + ", success = 0, end_time = ?, error = ? WHERE task_id = ? AND scheduled_time >= ?"
                        + " AND scheduled_time < ? AND status = " + ExecutionRecord.RUNNING + " AND executor = ?")
                .params(SqlTime.toDb(now), error, taskId, SqlTime.toDb(from), SqlTime.toDb(to), executor).update();
    }

    /**
     * The scheduled instants of the finished records of {@code taskId} in [{@code from}, {@code to}) within one
     * month.
     */
    Set<Instant> scheduledTimes(YearMonth month, long taskId, Instant from, Instant to) {
        Set<Instant> times = new HashSet<>();
        if (!tables.exists(month)) {
            return times;
        }
        jdbc.sql("SELECT scheduled_time FROM " + RecordTables.tableName(month)
                        + " WHERE task_id = ? AND scheduled_time >= ? AND scheduled_time < ? AND status <> "
                        + ExecutionRecord.RUNNING)
                .params(taskId, SqlTime.toDb(from), SqlTime.toDb(to))
                .query(rs -> {
                    times.add(SqlTime.fromDb(rs.getObject("scheduled_time", LocalDateTime.class)));
                });
        return times;
    }

    private static Where where(RecordFilter filter) {
        return where(filter, null, null);
    }

    private static Where where(RecordFilter filter, Instant from, Instant to) {
        return where(filter, from, to, false);
    }

    /**
     * {@code finishedOnly} leaves running records out, as figures do; a filter on success does too, since a
     * running record has no outcome yet (its success column is 0 until it ends).
     */
    private static Where where(RecordFilter filter, Instant from, Instant to, boolean finishedOnly) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions.add("department_id IN (" + placeholders(filter.departments().size()) + ")");
        params.addAll(filter.departments());
        if (filter.taskId() != null) {
            conditions.add("task_id = ?");
            params.add(filter.taskId());
        }
        if (filter.success() != null) {
            conditions.add("success = ?");
            params.add(filter.success() ? 1 : 0);
        }
        if (finishedOnly || filter.success() != null) {
            conditions.add("status <> " + ExecutionRecord.RUNNING);
        }
        if (filter.taskType() != null) {
            conditions.add("task_type = ?");
            params.add(filter.taskType());
        }
        if (filter.errorKeyword() != null) {
            conditions.add("error LIKE ? ESCAPE '!'");
            params.add("%" + filter.errorKeyword().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (from != null) {
            conditions.add("scheduled_time >= ?");
            params.add(SqlTime.toDb(from));
        }
        if (to != null) {
            conditions.add("scheduled_time < ?");
            params.add(SqlTime.toDb(to));
        }
        return new Where(" WHERE " + String.join(" AND ", conditions), params);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static StoredRecord map(ResultSet rs) throws SQLException {
        int statusCode = rs.getInt("status_code");
        Integer code = rs.wasNull() ? null : statusCode;
        ExecutionRecord record = new ExecutionRecord(
                rs.getLong("task_id"), rs.getString("task_name"), rs.getString("task_type"),
                rs.getLong("department_id"), rs.getString("fire_id"),
                time(rs, "scheduled_time"), time(rs, "start_time"), time(rs, "end_time"),
                rs.getLong("cost_time"), rs.getInt("success") == 1, rs.getInt("status"), code,
                rs.getString("response"), rs.getString("error"), rs.getInt("retry_times"),
                rs.getInt("used_fallback") == 1, TriggerType.valueOf(rs.getString("trigger_type")),
                rs.getString("executor"), rs.getString("trace_id"), AttemptsJson.read(rs.getString("attempts")));
        return new StoredRecord(rs.getLong("id"), record, time(rs, "create_time"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        return SqlTime.fromDb(rs.getObject(column, LocalDateTime.class));
    }

    private record Where(String sql, List<Object> params) {
    }
}
