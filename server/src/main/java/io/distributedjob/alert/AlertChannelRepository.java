package io.distributedjob.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.distributedjob.storage.SqlTime;
import io.distributedjob.kernel.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The alert_channel table. Recipients are kept as one comma-separated column: they are only ever read whole. */
@Repository
class AlertChannelRepository {

    private static final String COLUMNS = "id, name, department_id, channel_type, url, secret, recipients, enabled,"
            + " create_time, update_time";

    private final JdbcClient jdbc;

    AlertChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AlertChannel> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_channel WHERE id = ?").param(id)
                .query((rs, n) -> map(rs)).optional();
    }

    List<AlertChannel> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_channel WHERE id IN (" + placeholders(ids.size()) + ")")
                .params(List.copyOf(ids)).query((rs, n) -> map(rs)).list();
    }

    List<AlertChannel> page(Collection<Long> departments, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_channel WHERE department_id IN ("
                        + placeholders(departments.size()) + ") ORDER BY id DESC LIMIT " + page.size()
                        + " OFFSET " + page.offset())
                .params(List.copyOf(departments)).query((rs, n) -> map(rs)).list();
    }

    long count(Collection<Long> departments) {
        return jdbc.sql("SELECT COUNT(*) FROM alert_channel WHERE department_id IN ("
                        + placeholders(departments.size()) + ")")
                .params(List.copyOf(departments)).query(Long.class).single();
    }

    long insert(AlertChannel c, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alert_channel (name, department_id, channel_type, url, secret, recipients, enabled,"
                        + " create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.name(), c.departmentId(), c.type().name(), c.url(), c.secret(), recipients(c),
                        c.enabled() ? 1 : 0, SqlTime.toDb(now), SqlTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(AlertChannel c, Instant now) {
        return jdbc.sql("UPDATE alert_channel SET name = ?, department_id = ?, channel_type = ?, url = ?, secret = ?,"
                        + " recipients = ?, enabled = ?, update_time = ? WHERE id = ?")
                .params(c.name(), c.departmentId(), c.type().name(), c.url(), c.secret(), recipients(c),
                        c.enabled() ? 1 : 0, SqlTime.toDb(now), c.id())
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM alert_channel WHERE id = ?").param(id).update() == 1;
    }

    boolean nameTaken(long departmentId, String name, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM alert_channel WHERE department_id = ? AND name = ? AND id <> ?")
                .params(departmentId, name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    private static String recipients(AlertChannel c) {
        return c.recipients().isEmpty() ? null : String.join(",", c.recipients());
    }

    private static AlertChannel map(ResultSet rs) throws SQLException {
        String recipients = rs.getString("recipients");
        return new AlertChannel(rs.getLong("id"), rs.getString("name"), rs.getLong("department_id"),
                ChannelType.valueOf(rs.getString("channel_type")), rs.getString("url"), rs.getString("secret"),
                recipients == null ? List.of() : new ArrayList<>(Arrays.asList(recipients.split(","))),
                rs.getInt("enabled") == 1,
                SqlTime.fromDb(rs.getObject("create_time", LocalDateTime.class)),
                SqlTime.fromDb(rs.getObject("update_time", LocalDateTime.class)));
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
