package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
import java.util.stream.IntStream;

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
    /** The types the columns of {@link RecordTables#insert} are bound as. */
    private static final int[] ROW_TYPES = RecordColumns.sqlTypes();
    /** The types of {@link RecordTables#complete}: the row's, then the fire's key ({@link #withFire}). */
    private static final int[] COMPLETE_TYPES = withFireTypes(ROW_TYPES);
    /** The types of {@link RecordTables#restart}: start time and executor, then the fire's key. */
    private static final int[] RESTART_TYPES = withFireTypes(new int[] {
            RecordColumns.named("start_time").sqlType(), RecordColumns.named("executor").sqlType()});

    private final RecordTables tables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RecordRefusals refusals;

    RecordInserter(RecordTables tables, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.tables = tables;
        this.jdbc = jdbc;
        // Read committed: a completing update that finds no running row takes no gap lock under it, so two
        // batches inserting into the same gap (running records and outcomes of the same fires) cannot deadlock.
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
            records.forEach(this::table);
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
     * Inserts the records in one transaction, completing the running records of their fires; returns how many
     * were already recorded and left as they were. The running records are completed first, and only the records
     * that completed none are inserted: most fires have a running record, and an insert that meets its key costs
     * the database a refused row. The inserted ones are completed once more: under {@code crashPolicy RERUN} a call
     * does not wait for its running record, which can so be committed while this batch runs, after the first
     * completion and before the insert, which then meets it.
     */
    private int insert(List<ExecutionRecord> records) {
        Instant writtenAt = clock.instant();
        Map<String, List<Object[]>> inserts = byTable(records, r -> RecordColumns.values(r, writtenAt));
        Map<String, List<Object[]>> completions = byTable(records, r -> withFire(RecordColumns.values(r, writtenAt), r));
        Integer repeated = transactions.execute(status -> {
            int already = 0;
            for (Map.Entry<String, List<Object[]>> table : inserts.entrySet()) {
                String complete = tables.complete(table.getKey());
                List<Object[]> completing = completions.get(table.getKey());
                int[] completed = jdbc.batchUpdate(complete, completing, COMPLETE_TYPES);
                List<Integer> uncompleted = unwritten(completed);
                if (uncompleted.isEmpty()) {
                    continue;
                }
                int[] inserted = jdbc.batchUpdate(tables.insert(table.getKey()), pick(table.getValue(), uncompleted),
                        ROW_TYPES);
                // not only the inserts that met a row: a driver may count a met row as written (MySQL's found rows)
                int[] completedLate = jdbc.batchUpdate(complete, pick(completing, uncompleted), COMPLETE_TYPES);
                if (counted(inserted) && counted(completedLate)) {
                    for (int i = 0; i < inserted.length; i++) {
                        already += inserted[i] == 0 && completedLate[i] == 0 ? 1 : 0;
                    }
                }
            }
            return already;
        });
        return repeated == null ? 0 : repeated;
    }

    /**
     * The indexes of the statements that changed no row, or all of them when the driver reports no count per row
     * (MariaDB's bulk protocol).
     */
    private static List<Integer> unwritten(int[] counts) {
        boolean counted = counted(counts);
        return IntStream.range(0, counts.length).filter(i -> !counted || counts[i] == 0).boxed().toList();
    }

    private static boolean counted(int[] counts) {
        return Arrays.stream(counts).allMatch(count -> count >= 0);
    }

    private static List<Object[]> pick(List<Object[]> rows, List<Integer> indexes) {
        return indexes.stream().map(rows::get).toList();
    }

    /**
     * Writes the running records of fires about to make their first call, in one transaction. A fire running
     * again after a takeover has its running record handed to this instance; a finished record stays as it is.
     */
    void markRunning(List<ExecutionRecord> running) {
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

    /**
     * The rows of each table, in the order of the fire's key: instances writing records of the same fires at once
     * (a takeover, a repeated delivery) then lock the unique key's entries in one order and queue rather than
     * deadlock.
     */
    private Map<String, List<Object[]>> byTable(List<ExecutionRecord> records, Function<ExecutionRecord, Object[]> row) {
        List<ExecutionRecord> inKeyOrder = new ArrayList<>(records);
        inKeyOrder.sort(FIRE_KEY_ORDER);
        Map<String, List<Object[]>> byTable = new LinkedHashMap<>();
        for (ExecutionRecord record : inKeyOrder) {
            byTable.computeIfAbsent(table(record), t -> new ArrayList<>()).add(row.apply(record));
        }
        return byTable;
    }

    /** {@code values} followed by the fire's key, as the updates of {@link RecordTables} bind them. */
    private static Object[] withFire(Object[] values, ExecutionRecord record) {
        Object[] bound = Arrays.copyOf(values, values.length + 2);
        bound[values.length] = record.taskId();
        bound[values.length + 1] = SqlTime.toDb(record.scheduledTime());
        return bound;
    }

    private static int[] withFireTypes(int[] types) {
        int[] bound = Arrays.copyOf(types, types.length + 2);
        bound[types.length] = RecordColumns.named("task_id").sqlType();
        bound[types.length + 1] = RecordColumns.named("scheduled_time").sqlType();
        return bound;
    }

    private String table(ExecutionRecord record) {
        return tables.ensure(YearMonth.from(record.scheduledTime().atZone(clock.getZone())));
    }
}
