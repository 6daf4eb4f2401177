package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.distributedjob.storage.SqlDialect;
import io.distributedjob.storage.SqlDialect.Index;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The month tables {@code record_YYYYMM} that hold execution records, with the columns of {@link RecordColumns};
 * a table is created the first time a record of its month is written, and dropped whole when it ages out.
 */
@Component
public class RecordTables {

    static final String PREFIX = "record_";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

    /**
     * One record per fire: a second write of the same fire (a retried batch, or a fire taken over after its
     * first record was delayed) is a no-op. The unique index also serves the queries by task and time.
     */
    static final Index ONE_PER_FIRE = new Index("uk_fire", "task_id, scheduled_time", true);

    /**
     * Every query names a task or a department set; indexes on low-cardinality columns (success, task type) would
     * cost every insert more than they save any query, and records are inserted thousands of times a second.
     */
    private static final List<Index> INDEXES = List.of(ONE_PER_FIRE,
            new Index("idx_department_time", "department_id, scheduled_time"));

    /**
     * How long a listing of the tables is reused. Task views and record queries ask which months have a table on
     * every request; a table another instance creates (at the turn of a month) is seen here within this time.
     */
    private static final Duration LISTING_REUSED_FOR = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final RecordTableUpgrades upgrades;
    /** Tables this process created or found. */
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();
    private volatile Listing listing;

    public RecordTables(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
        this.upgrades = new RecordTableUpgrades(jdbc, dialect, this);
    }

    public static String tableName(YearMonth month) {
        return PREFIX + SUFFIX.format(month);
    }

    /**
     * Creates the month's table unless this process has already seen it, or brings a table made by an earlier
     * version up to today's layout; safe to call from every instance.
     */
    public String ensure(YearMonth month) {
        String table = tableName(month);
        if (!known.contains(month)) {
            upgrades.upgrade(table);
            List<String> columns = new ArrayList<>();
            columns.add(dialect.autoIncrementPrimaryKey("id"));
            columns.addAll(RecordColumns.definitions(dialect));
            for (String statement : dialect.createTableIfAbsent(table, columns, INDEXES).split(";\n")) {
                jdbc.execute(statement);
            }
            known.add(month);
        }
        return table;
    }

    String responseColumn() {
        return RecordColumns.RESPONSE.definition(dialect);
    }

    /** The insert of one record into {@code table}; a record of a fire already recorded is not written again. */
    String insert(String table) {
        return dialect.insertIgnoringDuplicate(table, RecordColumns.names());
    }

    /**
     * The write of a fire's record into {@code table}, every column bound as for {@link #insert}: it inserts the
     * record, or completes the fire's running record with it; a finished record is left as it is.
     */
    String record(String table) {
        return dialect.insertOrUpdateWhile(table, RecordColumns.names(), "status",
                String.valueOf(ExecutionRecord.RUNNING));
    }

    /**
     * The update that hands a fire's running record to the instance running it again after a takeover: start time
     * and executor, then the fire's task id and scheduled time.
     */
    String restart(String table) {
        return "UPDATE " + table + " SET start_time = ?, executor = ?" + WHERE_FIRE_RUNNING;
    }

    /** The update above touches a record only while it is running: a finished record never changes. */
    private static final String WHERE_FIRE_RUNNING = " WHERE task_id = ? AND scheduled_time = ? AND status = "
            + ExecutionRecord.RUNNING;

    /** Whether a month's table exists, without creating it: a query for a month with no table finds nothing. */
    public boolean exists(YearMonth month) {
        return known.contains(month) || months().contains(month);
    }

    /** The months that have a record table, oldest first. */
    public SortedSet<YearMonth> months() {
        Instant now = clock.instant();
        Listing current = listing;
        if (current == null || now.isAfter(current.readAt().plus(LISTING_REUSED_FOR))) {
            current = new Listing(listTables(), now);
            listing = current;
        }
        SortedSet<YearMonth> months = new TreeSet<>(current.months());
        months.addAll(known);
        return months;
    }

    public void drop(YearMonth month) {
        jdbc.execute("DROP TABLE IF EXISTS " + tableName(month));
        known.remove(month);
        listing = null;
    }

    private SortedSet<YearMonth> listTables() {
        SortedSet<YearMonth> months = new TreeSet<>();
        for (String name : jdbc.queryForList(dialect.listTablesWithPrefix(PREFIX), String.class)) {
            String suffix = name.toLowerCase().substring(PREFIX.length());
            if (suffix.matches("\\d{6}")) {
                months.add(YearMonth.parse(suffix, SUFFIX));
            }
        }
        return months;
    }

    private record Listing(SortedSet<YearMonth> months, Instant readAt) {
    }
}
