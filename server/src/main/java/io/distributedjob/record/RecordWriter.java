package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.distributedjob.config.JobSettings;
import io.distributedjob.storage.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes execution records in batches: a record waits at most {@code job.recordFlushIntervalMs}, and a batch
 * holds at most {@code job.recordBatchSize}. Records are never dropped: when the database is unreachable the
 * batch is retried until it goes in. Each record may carry a callback run once it is committed, which is how
 * the engine learns that a claimed fire is safely recorded.
 */
@Component
public class RecordWriter implements SmartLifecycle {

    /** Stops after the engine (which stops at a higher phase) has let its executions finish. */
    public static final int PHASE = Integer.MAX_VALUE - 2048;

    private static final Logger log = LoggerFactory.getLogger(RecordWriter.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final String INSERT = " (task_id, task_name, task_type, department_id, fire_id, scheduled_time,"
            + " start_time, end_time, cost_time, success, status, status_code, response, error, retry_times,"
            + " used_fallback, trigger_type, executor, create_time)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final RecordTables tables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final long flushIntervalNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pendingChanged = lock.newCondition();
    private final List<Pending> pending = new ArrayList<>();
    private int inFlight;
    private volatile boolean running;
    private Thread flusher;

    public RecordWriter(RecordTables tables, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                        JobSettings settings) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = settings.recordBatchSize();
        this.flushIntervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.recordFlushIntervalMs());
    }

    public void write(ExecutionRecord record) {
        write(record, null);
    }

    /** Queues {@code record}; {@code afterCommit} (may be null) runs once it is in the database. */
    public void write(ExecutionRecord record, Runnable afterCommit) {
        lock.lock();
        try {
            pending.add(new Pending(record, afterCommit));
            if (pending.size() >= batchSize) {
                pendingChanged.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes everything queued so far before returning. */
    public void flush() {
        while (true) {
            List<Pending> batch = take(0);
            if (batch.isEmpty()) {
                awaitNoneInFlight();
                return;
            }
            insertUntilDone(batch);
        }
    }

    @Override
    public void start() {
        running = true;
        flusher = Thread.ofPlatform().name("record-writer").daemon(true).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        lock.lock();
        try {
            pendingChanged.signalAll();
        } finally {
            lock.unlock();
        }
        if (flusher != null) {
            try {
                flusher.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        while (running) {
            List<Pending> batch = take(flushIntervalNanos);
            if (!batch.isEmpty()) {
                insertUntilDone(batch);
            }
        }
    }

    /** Waits up to {@code waitNanos} for a full batch (or until stopped), then takes what is there. */
    private List<Pending> take(long waitNanos) {
        lock.lock();
        try {
            long remaining = waitNanos;
            while (running && pending.size() < batchSize && remaining > 0) {
                remaining = pendingChanged.awaitNanos(remaining);
            }
            int count = Math.min(batchSize, pending.size());
            List<Pending> batch = new ArrayList<>(pending.subList(0, count));
            pending.subList(0, count).clear();
            inFlight += batch.size();
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private void awaitNoneInFlight() {
        lock.lock();
        try {
            while (inFlight > 0) {
                pendingChanged.await(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void insertUntilDone(List<Pending> batch) {
        while (true) {
            try {
                insert(batch);
                break;
            } catch (RuntimeException e) {
                log.warn("Could not write {} execution records, retrying: {}", batch.size(), e.toString());
                try {
                    Thread.sleep(RETRY_DELAY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        for (Pending item : batch) {
            if (item.afterCommit != null) {
                try {
                    item.afterCommit.run();
                } catch (RuntimeException e) {
                    log.error("Record callback failed", e);
                }
            }
        }
        lock.lock();
        try {
            inFlight -= batch.size();
            pendingChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void insert(List<Pending> batch) {
        Map<String, List<Object[]>> byTable = new LinkedHashMap<>();
        for (Pending item : batch) {
            ExecutionRecord r = item.record;
            String table = tables.ensure(YearMonth.from(r.scheduledTime().atZone(clock.getZone())));
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Object[] {
                    r.taskId(), r.taskName(), r.taskType(), r.departmentId(), r.fireId(),
                    SqlTime.toDb(r.scheduledTime()), SqlTime.toDb(r.startTime()), SqlTime.toDb(r.endTime()),
                    r.costTime(), r.success() ? 1 : 0, r.status(), r.statusCode(), r.response(), r.error(),
                    r.retryTimes(), r.usedFallback() ? 1 : 0, r.triggerType().name(), r.executor(),
                    SqlTime.toDb(clock.instant())});
        }
        transactions.executeWithoutResult(status -> byTable.forEach(
                (table, rows) -> jdbc.batchUpdate("INSERT INTO " + table + INSERT, rows)));
    }

    private record Pending(ExecutionRecord record, Runnable afterCommit) {
    }
}
