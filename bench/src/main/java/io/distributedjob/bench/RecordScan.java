package io.distributedjob.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The execution records of a measured window, read straight from the database. Failed fires are told apart by
 * who failed them: the scheduler (rejected, missed, skipped, not run, timed out, internal error) or the target
 * (an error answer or a broken connection). A record still running when the window is read (its call not yet
 * answered, or its outcome not yet written) is neither. Fires of the stalling tasks are counted on their own.
 */
final class RecordScan {

    /** Error prefixes of the fires the scheduler itself did not run to an answer. */
    private static final List<String> SCHEDULER_FAILURES = List.of("rejected", "missed", "skipped", "not run",
            "timed out", "internal error", "interrupted");
    static final String STALLED_PREFIX = "bench-stall-";
    /** A fire started this late or less is on time, the bound of the acceptance points (p99 within 1 s). */
    static final long ON_TIME_MILLIS = 1_000;
    /** Share of a second's fires that must be on time for the second to be on time: its p99 within the bound. */
    private static final double ON_TIME_SHARE = 0.99;
    /** The record's status while its fire runs, before its outcome is written. */
    private static final int RUNNING = 0;

    long records;
    long distinct;
    long schedulerFailed;
    long targetFailed;
    long stillRunning;
    long stalledRecords;
    long stalledTimedOut;
    /** The longest a stalled fire took from its start to its record, against its deadline. */
    long stalledLongestMillis;
    long misfireRecords;
    final List<Long> lateness = new ArrayList<>();
    /** Per scheduled second (epoch seconds): how many of its fires started within {@link #ON_TIME_MILLIS}. */
    final Map<Long, Long> onTimeBySecond = new HashMap<>();
    private final Map<String, Integer> misfiresByTask = new HashMap<>();

    static RecordScan read(String url, String user, String password, Instant from, Instant to) throws SQLException {
        RecordScan scan = new RecordScan();
        Set<String> fireIds = new HashSet<>();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyyMM");
        Set<String> tables = new HashSet<>(List.of("record_" + month.format(from.atZone(ZoneId.systemDefault())),
                "record_" + month.format(to.atZone(ZoneId.systemDefault()))));
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (String table : tables) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT fire_id, scheduled_time,"
                        + " start_time, success, error, task_name, trigger_type, status, end_time FROM " + table
                        + " WHERE scheduled_time >= ? AND scheduled_time < ?")) {
                    statement.setObject(1, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
                    statement.setObject(2, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            scan.add(rs, fireIds);
                        }
                    }
                }
                scan.countMisfires(connection, table);
            }
        }
        scan.distinct = fireIds.size();
        return scan;
    }

    /**
     * Misfire records over the whole table, not the window: a catch-up fire keeps the scheduled time of the first
     * fire missed, which can lie before the window (a fire claimed and not run before a stop). The schema is the
     * run's own, so every misfire record in it is of this run.
     */
    private void countMisfires(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT task_name, COUNT(*) FROM " + table
                + " WHERE trigger_type = 'MISFIRE' AND task_name NOT LIKE '" + STALLED_PREFIX + "%' GROUP BY task_name");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                misfiresByTask.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                misfireRecords += rs.getInt(2);
            }
        }
    }

    /** Tasks with a misfire record in the run. */
    long misfiredTasks() {
        return misfiresByTask.size();
    }

    /** Tasks with more than one misfire record in the run: a missed stretch handled more than once. */
    long repeatedMisfires() {
        return misfiresByTask.values().stream().filter(count -> count > 1).count();
    }

    /**
     * Seconds from {@code since} until the first scheduled second after which every second of the window up to
     * {@code to} is on time (at least 99 % of its {@code tasks} fires recorded and started within
     * {@link #ON_TIME_MILLIS}); -1 when the window never gets there.
     */
    double secondsUntilOnTime(Instant since, Instant to, int tasks) {
        long first = -1;
        for (long second = to.getEpochSecond() - 1; second >= since.getEpochSecond(); second--) {
            if (onTimeBySecond.getOrDefault(second, 0L) < ON_TIME_SHARE * tasks) {
                break;
            }
            first = second;
        }
        return first < 0 ? -1 : Math.max(0, first * 1000 - since.toEpochMilli()) / 1000.0;
    }

    private void add(ResultSet rs, Set<String> fireIds) throws SQLException {
        String error = rs.getString(5);
        if (rs.getString(6).startsWith(STALLED_PREFIX)) {
            stalledRecords++;
            if (error != null && error.toLowerCase(Locale.ROOT).contains("timed out")) {
                stalledTimedOut++;
            }
            LocalDateTime start = rs.getObject(3, LocalDateTime.class);
            LocalDateTime end = rs.getObject(9, LocalDateTime.class);
            if (start != null && end != null) {
                stalledLongestMillis = Math.max(stalledLongestMillis, Duration.between(start, end).toMillis());
            }
            return;
        }
        records++;
        fireIds.add(rs.getString(1));
        Instant scheduled = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        Instant started = rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        long late = Duration.between(scheduled, started).toMillis();
        lateness.add(late);
        if (late <= ON_TIME_MILLIS) {
            onTimeBySecond.merge(scheduled.getEpochSecond(), 1L, Long::sum);
        }
        if (rs.getInt(8) == RUNNING) {
            stillRunning++;
        } else if (rs.getInt(4) != 1) {
            String lower = error == null ? "" : error.toLowerCase(Locale.ROOT);
            if (SCHEDULER_FAILURES.stream().anyMatch(lower::startsWith)) {
                schedulerFailed++;
            } else {
                targetFailed++;
            }
        }
    }
}
