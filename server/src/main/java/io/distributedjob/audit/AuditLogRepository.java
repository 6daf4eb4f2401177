package io.distributedjob.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.distributedjob.storage.SqlTime;
import io.distributedjob.kernel.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditLogRepository {

    private static final int NAME_LENGTH = 50;
    private static final int DETAIL_LENGTH = 500;
    private static final int ADDRESS_LENGTH = 64;

    private final JdbcClient jdbc;

    AuditLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AuditEntry entry, Instant time) {
        jdbc.sql("INSERT INTO audit_log (actor_id, actor_name, actor_department_id, action, target_type, target_id,"
                        + " outcome, detail, client_address, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.actorId(), cut(entry.actorName() == null ? "" : entry.actorName(), NAME_LENGTH),
                        entry.actorDepartmentId(), entry.action(), entry.targetType(), entry.targetId(),
                        entry.outcome().name(), cut(entry.detail(), DETAIL_LENGTH),
                        cut(entry.clientAddress(), ADDRESS_LENGTH), SqlTime.toDb(time))
                .update();
    }

    /** Deletes the entries written before {@code time}; returns how many. */
    int deleteBefore(Instant time) {
        return jdbc.sql("DELETE FROM audit_log WHERE create_time < ?").param(SqlTime.toDb(time)).update();
    }

    /**
     * One page of entries, newest first.
     *
     * @param departments the actor departments to include; null for every row, including those without one
     */
    Page find(AuditQuery query, Set<Long> departments, PageQuery page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (departments != null) {
            if (departments.isEmpty()) {
                return new Page(List.of(), 0);
            }
            conditions.add("actor_department_id IN (" + placeholders(departments.size()) + ")");
            params.addAll(departments);
        }
        if (query.actor() != null) {
            conditions.add("actor_name = ?");
            params.add(query.actor());
        }
        if (query.action() != null) {
            conditions.add("action = ?");
            params.add(query.action());
        }
        if (query.targetType() != null) {
            conditions.add("target_type = ?");
            params.add(query.targetType());
        }
        if (query.from() != null) {
            conditions.add("create_time >= ?");
            params.add(SqlTime.toDb(query.from()));
        }
        if (query.to() != null) {
            conditions.add("create_time < ?");
            params.add(SqlTime.toDb(query.to()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<StoredEntry> rows = jdbc.sql("SELECT * FROM audit_log" + where + " ORDER BY create_time DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(AuditLogRepository::map)
                .list();
        return new Page(rows, total);
    }

    private static StoredEntry map(ResultSet rs, int row) throws SQLException {
        return new StoredEntry(rs.getLong("id"), nullableLong(rs, "actor_id"), rs.getString("actor_name"),
                nullableLong(rs, "actor_department_id"), rs.getString("action"), rs.getString("target_type"),
                nullableLong(rs, "target_id"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("client_address"), SqlTime.fromDb(rs.getObject("create_time", LocalDateTime.class)));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    record StoredEntry(long id, Long actorId, String actorName, Long actorDepartmentId, String action,
                       String targetType, Long targetId, String outcome, String detail, String clientAddress,
                       Instant time) {
    }

    record Page(List<StoredEntry> rows, long total) {
    }
}
