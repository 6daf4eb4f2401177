package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.distributedjob.storage.SqlTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a batch of records into their month tables, making the tables first, in one transaction; records the
 * database refuses are found and stored cut down ({@link RecordRefusals}).
 */
final class RecordInserter {

    private static final Comparator<ExecutionRecord> FIRE_KEY_ORDER = Comparator
            .comparingLong(ExecutionRecord::taskId).thenComparing(ExecutionRecord::scheduledTime);
    /** The types the columns of {@link RecordTables#insert} and {@link RecordTables#record} are bound as. */
    private static final int[] ROW_TYPES = RecordColumns.sqlTypes();
    /** The types of {@link RecordTables#restart}: start time and executor, then the fire's key. */
    private static final int[] RESTART_TYPES = withFireTypes(RecordColumns.named("start_time").sqlType(),
            RecordColumns.named("executor").sqlType());

    private final RecordTables tables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RecordRefusals refusals;
    /** Read and replaced by the record writer and the running-record writer alike; each value is immutable. */
    private volatile MonthBounds lastMonth;

    RecordInserter(RecordTables tables, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.tables = tables;
        this.jdbc = jdbc;
        // Read committed: no gap locks, so two batches writing into the same gap (running records and outcomes of
        // the same fires, each batch in key order) queue rather than deadlock.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.refusals = new RecordRefusals(this::insert);
    }

    /**
     * One attempt at writing the records. With a deadline, the attempt runs on its own thread and is given up
     * (returning false) if the deadline passes first: a call blocked on an unreachable database cannot hold up a
     * shutdown beyond its wait. A failure of the database is thrown.
     */
    boolean write(List<ExecutionRecord> records, Instant deadline) {
        Runnable write = () -> {
            // the month tables first: a table that cannot be made is the database's failure, not the records'
            ensureTables(records);
            refusals.insertFindingRefused(records);
        };
        if (deadline.equals(Instant.MAX)) {
            write.run();
            return true;
        }
        FutureTask<Void> task = new FutureTask<>(write, null);
        Thread.ofVirtual().name("record-flush").start(task);
        try {
            task.get(Math.max(0, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes the records in one transaction, one statement each: a fire with no record gets it, a fire whose record
     * is running has it completed, and a finished record is left as it is (a repeated write). One statement, not an
     * update and then an insert of what it did not complete: MariaDB's bulk protocol gives no count per row, so
     * the two steps had to insert and complete every record of a batch once more, three writes for one.
     */
    private void insert(List<ExecutionRecord> records) {
        Instant writtenAt = clock.instant();
        Map<String, List<Object[]>> rows = byTable(records, r -> RecordColumns.values(r, writtenAt));
        transactions.executeWithoutResult(status -> rows.forEach((table, values) ->
                jdbc.batchUpdate(tables.record(table), values, ROW_TYPES)));
    }

    /**
     * Writes the running records of fires about to make their first call, in one transaction. A fire running
     * again after a takeover has its running record handed to this instance; a finished record stays as it is.
     */
    void markRunning(List<ExecutionRecord> running) {
        ensureTables(running);
        Instant writtenAt = clock.instant();
        Map<String, List<Object[]>> inserts = byTable(running, r -> RecordColumns.values(r, writtenAt));
        Map<String, List<Object[]>> restarts = byTable(running,
                r -> withFire(new Object[] {SqlTime.toDb(r.startTime()), r.executor()}, r));
        transactions.executeWithoutResult(status -> {
            for (Map.Entry<String, List<Object[]>> table : inserts.entrySet()) {
                jdbc.batchUpdate(tables.restart(table.getKey()), restarts.get(table.getKey()), RESTART_TYPES);
                jdbc.batchUpdate(tables.insert(table.getKey()), table.getValue(), ROW_TYPES);
            }
        });
    }

    /** Makes the month table of each record that this process has not seen yet, once per month. */
    private void ensureTables(List<ExecutionRecord> records) {
        records.stream().map(record -> month(record.scheduledTime())).distinct().forEach(tables::ensure);
    }

    /**
     * The rows of each table (made beforehand by {@link #ensureTables}), in the order of the fire's key: instances
     * writing records of the same fires at once (a takeover, a repeated delivery) then lock the unique key's entries
     * in one order and queue rather than deadlock.
     */
    private Map<String, List<Object[]>> byTable(List<ExecutionRecord> records, Function<ExecutionRecord, Object[]> row) {
        List<ExecutionRecord> inKeyOrder = new ArrayList<>(records);
        inKeyOrder.sort(FIRE_KEY_ORDER);
        Map<YearMonth, List<Object[]>> byMonth = new LinkedHashMap<>();
        for (ExecutionRecord record : inKeyOrder) {
            byMonth.computeIfAbsent(month(record.scheduledTime()), m -> new ArrayList<>()).add(row.apply(record));
        }
        Map<String, List<Object[]>> byTable = new LinkedHashMap<>();
        byMonth.forEach((month, rows) -> byTable.put(RecordTables.tableName(month), rows));
        return byTable;
    }

    /** {@code values} followed by the fire's key, as the updates of {@link RecordTables} bind them. */
    private static Object[] withFire(Object[] values, ExecutionRecord record) {
        Object[] bound = Arrays.copyOf(values, values.length + 2);
        bound[values.length] = record.taskId();
        bound[values.length + 1] = SqlTime.toDb(record.scheduledTime());
        return bound;
    }

    private static int[] withFireTypes(int... types) {
        int[] bound = Arrays.copyOf(types, types.length + 2);
        bound[types.length] = RecordColumns.named("task_id").sqlType();
        bound[types.length + 1] = RecordColumns.named("scheduled_time").sqlType();
        return bound;
    }

    /**
     * The month of the table a fire's record goes to. Records come in long runs of one month, so the bounds of the
     * last month found answer most of them without a calendar computation.
     */
    private YearMonth month(Instant scheduled) {
        MonthBounds last = lastMonth;
        if (last != null && last.holds(scheduled)) {
            return last.month();
        }
        ZoneId zone = clock.getZone();
        YearMonth month = YearMonth.from(scheduled.atZone(zone));
        lastMonth = new MonthBounds(month, month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        return month;
    }

    /** A month and the instants it starts and ends at (exclusive) in the clock's zone. */
    private record MonthBounds(YearMonth month, Instant start, Instant end) {

        boolean holds(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }
}
