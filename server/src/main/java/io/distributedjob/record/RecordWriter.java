package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * holds at most {@code job.recordBatchSize}. While the database is unreachable a batch is retried; a batch the
 * database refuses is split to find the records it refuses, which are stored cut down (see {@link RecordRefusals}).
 * A fire already recorded is not recorded again. Each record may carry a callback run once it is committed,
 * which is how the engine learns that a claimed fire is safely recorded. On shutdown the writer tries until its
 * wait ends; what it could not write is logged, and those fires, never marked recorded, are taken over.
 */
@Component
public class RecordWriter implements SmartLifecycle {

    /** Stops after the engine (which stops at a higher phase) has let its executions finish. */
    public static final int PHASE = Integer.MAX_VALUE - 2048;

    private static final Logger log = LoggerFactory.getLogger(RecordWriter.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    /** How long a shutdown that is not given a deadline keeps trying to write what is left. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final RecordTables tables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final int responseMaxBytes;
    private final long flushIntervalNanos;
    private final RecordRefusals refusals;

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
        this.responseMaxBytes = settings.responseMaxBytes();
        this.flushIntervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.recordFlushIntervalMs());
        this.refusals = new RecordRefusals(this::insert);
    }

    public void write(ExecutionRecord record) {
        write(record, null);
    }

    /** Queues {@code record}; {@code afterCommit} (may be null) runs once it is in the database. */
    public void write(ExecutionRecord record, Runnable afterCommit) {
        Pending item = new Pending(record.withResponseCut(responseMaxBytes), afterCommit);
        lock.lock();
        try {
            pending.add(item);
            if (pending.size() >= batchSize) {
                pendingChanged.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes everything queued so far before returning, or gives up at the default stop wait. */
    public void flush() {
        flush(clock.instant().plus(STOP_WAIT));
    }

    /**
     * Writes everything queued so far, trying until {@code deadline}; returns whether all of it was written.
     * What is still unwritten then is logged in one line and dropped: its fires stay outstanding, so their leases
     * are taken over by another instance.
     */
    public boolean flush(Instant deadline) {
        while (true) {
            List<Pending> batch = take(0);
            if (batch.isEmpty()) {
                return awaitNoneInFlight(deadline);
            }
            if (!store(batch, deadline)) {
                int lost = batch.size() + drop();
                log.error("Could not write {} execution records before the shutdown deadline (database unreachable);"
                        + " their fires stay leased and are taken over by another instance", lost);
                return false;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        flusher = Thread.ofPlatform().name("record-writer").daemon(true).start(this::run);
    }

    @Override
    public void stop() {
        Instant deadline = clock.instant().plus(STOP_WAIT);
        running = false;
        lock.lock();
        try {
            pendingChanged.signalAll();
        } finally {
            lock.unlock();
        }
        if (flusher != null) {
            try {
                flusher.join(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush(deadline);
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
            if (!batch.isEmpty() && !store(batch, Instant.MAX)) {
                putBack(batch);
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

    /** The flusher was stopped while retrying: the batch goes back first in line for the final flush. */
    private void putBack(List<Pending> batch) {
        lock.lock();
        try {
            pending.addAll(0, batch);
            pendingChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int drop() {
        lock.lock();
        try {
            int dropped = pending.size();
            pending.clear();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitNoneInFlight(Instant deadline) {
        lock.lock();
        try {
            while (inFlight > 0) {
                long millis = Duration.between(clock.instant(), deadline).toMillis();
                if (millis <= 0) {
                    return false;
                }
                pendingChanged.await(Math.min(millis, RETRY_DELAY.toMillis()), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the batch, retrying while the database is unreachable, until written or, past {@code deadline} or
     * once the writer is stopped (for the flusher), given up. Returns whether it was written.
     */
    private boolean store(List<Pending> batch, Instant deadline) {
        boolean flusher = deadline.equals(Instant.MAX);
        while (true) {
            try {
                refusals.insertFindingRefused(batch.stream().map(Pending::record).toList());
                break;
            } catch (RuntimeException e) {
                if ((flusher && !running) || !clock.instant().plus(RETRY_DELAY).isBefore(deadline)) {
                    finished(batch.size());
                    return false;
                }
                log.warn("Could not write {} execution records, retrying: {}", batch.size(), e.toString());
                try {
                    Thread.sleep(RETRY_DELAY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    finished(batch.size());
                    return false;
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
        finished(batch.size());
        return true;
    }

    private void finished(int count) {
        lock.lock();
        try {
            inFlight -= count;
            pendingChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Inserts the records in one transaction; returns how many were already recorded and left as they were. */
    private int insert(List<ExecutionRecord> records) {
        Map<String, List<Object[]>> byTable = new LinkedHashMap<>();
        for (ExecutionRecord r : records) {
            String table = tables.ensure(YearMonth.from(r.scheduledTime().atZone(clock.getZone())));
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Object[] {
                    r.taskId(), r.taskName(), r.taskType(), r.departmentId(), r.fireId(),
                    SqlTime.toDb(r.scheduledTime()), SqlTime.toDb(r.startTime()), SqlTime.toDb(r.endTime()),
                    r.costTime(), r.success() ? 1 : 0, r.status(), r.statusCode(), r.response(), r.error(),
                    r.retryTimes(), r.usedFallback() ? 1 : 0, r.triggerType().name(), r.executor(),
                    SqlTime.toDb(clock.instant())});
        }
        Integer repeated = transactions.execute(status -> {
            int already = 0;
            for (Map.Entry<String, List<Object[]>> table : byTable.entrySet()) {
                for (int count : jdbc.batchUpdate(tables.insert(table.getKey()), table.getValue())) {
                    already += count == 0 ? 1 : 0;
                }
            }
            return already;
        });
        return repeated == null ? 0 : repeated;
    }

    private record Pending(ExecutionRecord record, Runnable afterCommit) {
    }
}
