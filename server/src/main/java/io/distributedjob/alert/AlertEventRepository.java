package io.distributedjob.alert;

import java.time.Instant;

import io.distributedjob.storage.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The alert_event table: one row per alert sent. Inserting the row is the claim to send it; its unique key on
 * rule, task and throttle window makes the insert fail for every other instance, and for every later alert of
 * the same rule and task within the window.
 */
@Repository
class AlertEventRepository {

    static final String CLAIMED = "CLAIMED";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private static final int MESSAGE_MAX = 1000;

    private final JdbcClient jdbc;

    AlertEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the new event, or null when the window of this rule and task is already taken. */
    Long claim(long ruleId, Alert alert, Instant windowStart, String instanceId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO alert_event (rule_id, task_id, window_start, kind, fire_id, message, status,"
                            + " instance_id, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(ruleId, alert.taskId(), SqlTime.toDb(windowStart), alert.kind().name(), alert.fireId(),
                            cut(alert.title()), CLAIMED, instanceId, SqlTime.toDb(alert.time()))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            return null;
        }
        return keys.getKey().longValue();
    }

    void finish(long eventId, String error) {
        jdbc.sql("UPDATE alert_event SET status = ?, error = ? WHERE id = ?")
                .params(error == null ? SENT : FAILED, error == null ? null : cut(error), eventId).update();
    }

    private static String cut(String text) {
        return text.length() <= MESSAGE_MAX ? text : text.substring(0, MESSAGE_MAX);
    }
}
