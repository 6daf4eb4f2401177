package io.distributedjob.cluster;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.distributedjob.storage.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads, never writes, what the engine keeps about the instances sharing the database: their rows in
 * {@code engine_instance} (written by the engine's heartbeat) and the fires each holds claimed in {@code task}.
 */
@Repository
class ClusterMembers {

    private final JdbcClient jdbc;

    ClusterMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every registered instance, oldest first. */
    List<Member> all() {
        Map<String, Long> claimed = jdbc.sql("SELECT lease_owner, COUNT(*) AS fires FROM task"
                        + " WHERE lease_owner IS NOT NULL GROUP BY lease_owner")
                .query((rs, n) -> Map.entry(rs.getString("lease_owner"), rs.getLong("fires")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return jdbc.sql("SELECT id, host, version, started_time, heartbeat_time, fires_running FROM engine_instance"
                        + " ORDER BY started_time, id")
                .query((rs, n) -> new Member(rs.getString("id"), rs.getString("host"), rs.getString("version"),
                        SqlTime.fromDb(rs.getObject("started_time", LocalDateTime.class)),
                        SqlTime.fromDb(rs.getObject("heartbeat_time", LocalDateTime.class)),
                        claimed.getOrDefault(rs.getString("id"), 0L), rs.getInt("fires_running")))
                .list();
    }

    /** Instances whose last heartbeat is at or after {@code since}. */
    int countAlive(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM engine_instance WHERE heartbeat_time >= ?")
                .param(SqlTime.toDb(since)).query(Integer.class).single();
    }

    /** An instance as it last reported itself; {@code version} is null for an instance that does not report it. */
    record Member(String id, String host, String version, Instant started, Instant lastHeartbeat, long firesClaimed,
                  int firesRunning) {
    }
}
