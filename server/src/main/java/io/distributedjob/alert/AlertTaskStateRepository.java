package io.distributedjob.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.distributedjob.storage.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert_task_state table: each task's failures in a row and whether one of them was alerted. Every change
 * is one conditional update, so instances finishing fires of the same task at once count correctly.
 */
@Repository
class AlertTaskStateRepository {

    private final JdbcClient jdbc;

    AlertTaskStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Those of {@code taskIds} with failures on record (in a row, or one alerted): the tasks whose next success
     * changes something.
     */
    Set<Long> inTrouble(Collection<Long> taskIds) {
        return new HashSet<>(jdbc.sql("SELECT task_id FROM alert_task_state WHERE task_id IN ("
                        + AlertChannelRepository.placeholders(taskIds.size())
                        + ") AND (consecutive_failures > 0 OR failure_alerted = 1)")
                .params(List.copyOf(taskIds)).query(Long.class).list());
    }

    /** Counts one more failure and returns the failures in a row, this one included. */
    int failed(long taskId, Instant now) {
        if (increment(taskId, now) == 0) {
            try {
                jdbc.sql("INSERT INTO alert_task_state (task_id, consecutive_failures, failure_alerted, update_time)"
                        + " VALUES (?, 1, 0, ?)").params(taskId, SqlTime.toDb(now)).update();
            } catch (DuplicateKeyException e) {
                increment(taskId, now);
            }
        }
        return jdbc.sql("SELECT consecutive_failures FROM alert_task_state WHERE task_id = ?").param(taskId)
                .query(Integer.class).single();
    }

    /**
     * Ends a run of failures. True for exactly one caller when one of the failures was alerted: that caller
     * reports the recovery.
     */
    boolean succeeded(long taskId, Instant now) {
        boolean recovered = jdbc.sql("UPDATE alert_task_state SET consecutive_failures = 0, failure_alerted = 0,"
                        + " update_time = ? WHERE task_id = ? AND failure_alerted = 1")
                .params(SqlTime.toDb(now), taskId).update() == 1;
        if (!recovered) {
            jdbc.sql("UPDATE alert_task_state SET consecutive_failures = 0, update_time = ? WHERE task_id = ?"
                    + " AND consecutive_failures > 0").params(SqlTime.toDb(now), taskId).update();
        }
        return recovered;
    }

    /** Notes that trouble of the task was alerted, so that its next success is reported as a recovery. */
    void alerted(long taskId, Instant now) {
        if (jdbc.sql("UPDATE alert_task_state SET failure_alerted = 1, update_time = ? WHERE task_id = ?")
                .params(SqlTime.toDb(now), taskId).update() == 0) {
            try {
                jdbc.sql("INSERT INTO alert_task_state (task_id, consecutive_failures, failure_alerted, update_time)"
                        + " VALUES (?, 0, 1, ?)").params(taskId, SqlTime.toDb(now)).update();
            } catch (DuplicateKeyException e) {
                alerted(taskId, now);
            }
        }
    }

    private int increment(long taskId, Instant now) {
        return jdbc.sql("UPDATE alert_task_state SET consecutive_failures = consecutive_failures + 1,"
                + " update_time = ? WHERE task_id = ?").params(SqlTime.toDb(now), taskId).update();
    }
}
