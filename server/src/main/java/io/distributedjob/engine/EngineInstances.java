package io.distributedjob.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import io.distributedjob.storage.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code engine_instance} table: one row per running instance with its heartbeat and its watermark
 * {@code done_before}, before which every fire it claimed is recorded (null: nothing outstanding).
 */
class EngineInstances {

    private final JdbcClient jdbc;

    EngineInstances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates this instance's row, or renews it if another instance took it for dead and removed it. */
    void register(String id, String host, Instant doneBefore, Instant now) {
        if (heartbeat(id, doneBefore, now)) {
            return;
        }
        jdbc.sql("INSERT INTO engine_instance (id, host, started_time, heartbeat_time, done_before) VALUES (?, ?, ?, ?, ?)")
                .params(id, host, SqlTime.toDb(now), SqlTime.toDb(now), SqlTime.toDb(doneBefore)).update();
    }

    /** Records that this instance is alive and its current watermark; false if its row is gone. */
    boolean heartbeat(String id, Instant doneBefore, Instant now) {
        return jdbc.sql("UPDATE engine_instance SET heartbeat_time = ?, done_before = ? WHERE id = ?")
                .params(SqlTime.toDb(now), SqlTime.toDb(doneBefore), id).update() == 1;
    }

    /** What {@code GET /instances} shows of this instance: the version it runs and its running executions. */
    void report(String id, String version, int running) {
        jdbc.sql("UPDATE engine_instance SET version = ?, fires_running = ? WHERE id = ?")
                .params(version, running, id).update();
    }

    /** Lowers the watermark to {@code fire} if it is higher (part of a claim's transaction); false if the row is gone. */
    boolean lowerWatermark(String id, Instant fire, Instant now) {
        return jdbc.sql("UPDATE engine_instance SET heartbeat_time = ?,"
                        + " done_before = CASE WHEN done_before IS NULL OR done_before > ? THEN ? ELSE done_before END"
                        + " WHERE id = ?")
                .params(SqlTime.toDb(now), SqlTime.toDb(fire), SqlTime.toDb(fire), id).update() == 1;
    }

    /** Instances (this one included) whose last heartbeat is at or after {@code since}. */
    long countAlive(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM engine_instance WHERE heartbeat_time >= ?")
                .param(SqlTime.toDb(since)).query(Long.class).single();
    }

    /** Other instances whose last heartbeat is older than {@code cutoff}. */
    List<Lease> silentSince(Instant cutoff, String self) {
        return jdbc.sql("SELECT id, done_before FROM engine_instance WHERE heartbeat_time < ? AND id <> ?")
                .params(SqlTime.toDb(cutoff), self)
                .query((rs, n) -> new Lease(rs.getString("id"),
                        SqlTime.fromDb(rs.getObject("done_before", LocalDateTime.class))))
                .list();
    }

    /** Removes a silent instance once its fires are taken over; does nothing if it came back meanwhile. */
    void removeSilent(String id, Instant cutoff) {
        jdbc.sql("DELETE FROM engine_instance WHERE id = ? AND heartbeat_time < ?")
                .params(id, SqlTime.toDb(cutoff)).update();
    }

    /** An instance's row and its watermark, if it still has one. */
    Optional<Lease> lease(String id) {
        return jdbc.sql("SELECT id, done_before FROM engine_instance WHERE id = ?").param(id)
                .query((rs, n) -> new Lease(rs.getString("id"),
                        SqlTime.fromDb(rs.getObject("done_before", LocalDateTime.class))))
                .optional();
    }

    void remove(String id) {
        jdbc.sql("DELETE FROM engine_instance WHERE id = ?").param(id).update();
    }

    /** A silent instance and its last watermark. */
    record Lease(String instanceId, Instant doneBefore) {
    }
}
