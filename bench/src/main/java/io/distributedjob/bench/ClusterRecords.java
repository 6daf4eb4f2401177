package io.distributedjob.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the cluster harness reads from the execution records of its schema, straight from MariaDB. */
final class ClusterRecords {

    private final String url;

    ClusterRecords(String schema) {
        this.url = "jdbc:mariadb://" + Local.MARIADB + "/" + schema;
    }

    /** The instance that recorded the most fires scheduled since {@code since}, if any did. */
    Optional<String> busiestExecutor(Instant since) throws SQLException {
        return firesPerExecutor(since).entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The instances that recorded fires scheduled since {@code since}. */
    Set<String> executors(Instant since) throws SQLException {
        return firesPerExecutor(since).keySet();
    }

    private Map<String, Long> firesPerExecutor(Instant since) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        query(since, Instant.now().plusSeconds(60), "SELECT executor, COUNT(*) FROM %s WHERE scheduled_time >= ?"
                + " AND scheduled_time < ? AND executor IS NOT NULL GROUP BY executor",
                rs -> counts.merge(rs.getString(1), rs.getLong(2), Long::sum));
        return counts;
    }

    /** Per fire scheduled in the window: how many records it has, and how many of them succeeded. */
    Map<String, long[]> recordsPerFire(Instant from, Instant to) throws SQLException {
        Map<String, long[]> fires = new HashMap<>();
        query(from, to, "SELECT fire_id, COUNT(*), SUM(success) FROM %s WHERE scheduled_time >= ? AND scheduled_time < ?"
                + " GROUP BY fire_id", rs -> fires.merge(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)},
                (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
        return fires;
    }

    /** Start minus scheduled instant, in milliseconds, of every started fire scheduled in the window. */
    List<Long> lateness(Instant from, Instant to) throws SQLException {
        List<Long> lateness = new ArrayList<>();
        query(from, to, "SELECT TIMESTAMPDIFF(MICROSECOND, scheduled_time, start_time) DIV 1000 FROM %s"
                + " WHERE scheduled_time >= ? AND scheduled_time < ? AND start_time IS NOT NULL",
                rs -> lateness.add(rs.getLong(1)));
        return lateness;
    }

    /** The tasks {@code executor} ran fires of in the window: the tasks it held. */
    Set<Long> tasksOf(String executor, Instant from, Instant to) throws SQLException {
        Set<Long> tasks = new LinkedHashSet<>();
        query(from, to, "SELECT DISTINCT task_id FROM %s WHERE scheduled_time >= ? AND scheduled_time < ? AND executor = '"
                + executor.replace("'", "''") + "'", rs -> tasks.add(rs.getLong(1)));
        return tasks;
    }

    /** When each of {@code tasks} next started a fire scheduled in the window on another instance than {@code executor}. */
    Map<Long, Instant> firstStartsElsewhere(Set<Long> tasks, String executor, Instant from, Instant to) throws SQLException {
        Map<Long, Instant> starts = new HashMap<>();
        if (tasks.isEmpty()) {
            return starts;
        }
        String ids = tasks.stream().map(String::valueOf).collect(Collectors.joining(","));
        query(from, to, "SELECT task_id, MIN(start_time) FROM %s WHERE scheduled_time >= ? AND scheduled_time < ?"
                + " AND start_time IS NOT NULL AND executor <> '" + executor.replace("'", "''") + "' AND task_id IN ("
                + ids + ") GROUP BY task_id", rs -> starts.merge(rs.getLong(1),
                rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), (a, b) -> a.isBefore(b) ? a : b));
        return starts;
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} (a {@code %s} for the table, two parameters for the window) on each month table of the window. */
    private void query(Instant from, Instant to, String sql, Row row) throws SQLException {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyyMM");
        Set<String> tables = new LinkedHashSet<>(List.of("record_" + month.format(from.atZone(ZoneId.systemDefault())),
                "record_" + month.format(to.atZone(ZoneId.systemDefault()))));
        try (Connection connection = DriverManager.getConnection(url, Local.MARIADB_USER, Local.MARIADB_PASSWORD)) {
            for (String table : tables) {
                try (PreparedStatement statement = connection.prepareStatement(sql.formatted(table))) {
                    statement.setObject(1, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
                    statement.setObject(2, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            row.accept(rs);
                        }
                    }
                } catch (SQLException missingTable) {
                    if (!missingTable.getMessage().contains("doesn't exist")) {
                        throw missingTable;
                    }
                }
            }
        }
    }
}
