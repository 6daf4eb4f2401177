package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.distributedjob.config.JobSettings;
import io.distributedjob.metrics.SchedulerMetrics;
import io.distributedjob.record.RecordQueue.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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

    private final RecordInserter inserter;
    private final RunningMarks marks;
    private final Clock clock;
    /** How long a shutdown that is not given a deadline keeps trying to write what is left. */
    private final Duration stopWait;
    private final int batchSize;
    private final int responseMaxBytes;
    private final long flushIntervalNanos;
    private final RecordQueue queue;
    private final SchedulerMetrics metrics;
    private final FireRecordMetrics fires;
    private final FireOutcomes outcomes;

    private volatile boolean running;
    private Thread flusher;

    public RecordWriter(RecordTables tables, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                        JobSettings settings, SchedulerMetrics metrics) {
        this(tables, jdbc, transactions, clock, settings, metrics, fire -> { });
    }

    /** {@code outcomes} hears of every finished fire once its record is committed (alerts are raised there). */
    @Autowired
    public RecordWriter(RecordTables tables, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                        JobSettings settings, SchedulerMetrics metrics, FireOutcomes outcomes) {
        this.outcomes = outcomes;
        this.inserter = new RecordInserter(tables, jdbc, transactions, clock);
        this.clock = clock;
        this.stopWait = settings.shutdownWait();
        this.batchSize = settings.recordBatchSize();
        this.responseMaxBytes = settings.responseMaxBytes();
        this.flushIntervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.recordFlushIntervalMs());
        this.queue = new RecordQueue(batchSize);
        this.marks = new RunningMarks(inserter, batchSize);
        this.metrics = metrics;
        this.fires = new FireRecordMetrics(metrics);
        metrics.watchRecordsPending(queue::size);
    }

    public void write(ExecutionRecord record) {
        write(record, null);
    }

    /** Queues {@code record}; {@code afterCommit} (may be null) runs once it is in the database. */
    public void write(ExecutionRecord record, Runnable afterCommit) {
        marks.ended(record.fireId());
        queue.add(new Pending(record.withResponseCut(responseMaxBytes), afterCommit));
        fires.recorded(record);
    }

    /**
     * Writes {@code running} (a fire about to make its first call, status {@link ExecutionRecord#RUNNING}); the
     * fire's own record later completes it, whichever of the two reaches the database first. With
     * {@code untilWritten} it returns once the running record is in the database; otherwise at once, and the
     * running record is written only if the fire is still going a second later.
     */
    public void started(ExecutionRecord running, boolean untilWritten) throws InterruptedException {
        ExecutionRecord cut = running.withResponseCut(responseMaxBytes);
        if (untilWritten) {
            marks.write(cut);
        } else {
            marks.holdBack(cut);
        }
    }

    /** Writes everything queued so far before returning, or gives up at the shutdown wait. */
    public void flush() {
        flush(clock.instant().plus(stopWait));
    }

    /**
     * Writes everything queued so far, trying until {@code deadline}; returns whether all of it was written.
     * What is still unwritten then is logged in one line and dropped: its fires stay outstanding, so their leases
     * are taken over by another instance.
     */
    public boolean flush(Instant deadline) {
        while (true) {
            List<Pending> batch = queue.take(0);
            if (batch.isEmpty()) {
                if (queue.awaitNoneInFlight(clock, deadline)) {
                    return true;
                }
                reportUnwritten(queue.inFlight());
                return false;
            }
            if (!store(batch, deadline)) {
                reportUnwritten(batch.size() + queue.drop());
                return false;
            }
        }
    }

    private static void reportUnwritten(int count) {
        log.error("Could not write {} execution records before the deadline (the database was unreachable or the"
                + " writer too far behind); their fires stay leased and are taken over by another instance", count);
    }

    @Override
    public void start() {
        running = true;
        queue.open();
        flusher = Thread.ofPlatform().name("record-writer").daemon(true).start(this::run);
        marks.start();
    }

    @Override
    public void stop() {
        Instant deadline = clock.instant().plus(stopWait);
        running = false;
        marks.stop();
        queue.close();
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
            List<Pending> batch = queue.take(flushIntervalNanos);
            if (!batch.isEmpty() && !store(batch, Instant.MAX)) {
                queue.putBack(batch);
            }
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
                long started = System.nanoTime();
                if (inserter.write(batch.stream().map(Pending::record).toList(), deadline)) {
                    metrics.recordsFlushed(Duration.ofNanos(System.nanoTime() - started));
                    break;
                }
                queue.finished(batch.size());
                return false;
            } catch (RuntimeException e) {
                if ((flusher && !running) || !clock.instant().plus(RETRY_DELAY).isBefore(deadline)) {
                    queue.finished(batch.size());
                    return false;
                }
                log.warn("Could not write {} execution records, retrying: {}", batch.size(), e.toString());
                try {
                    Thread.sleep(RETRY_DELAY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    queue.finished(batch.size());
                    return false;
                }
            }
        }
        for (Pending item : batch) {
            if (item.afterCommit() != null) {
                try {
                    item.afterCommit().run();
                } catch (RuntimeException e) {
                    log.error("Record callback failed", e);
                }
            }
            report(item.record());
        }
        queue.finished(batch.size());
        return true;
    }

    private void report(ExecutionRecord r) {
        if (r.status() == ExecutionRecord.RUNNING) {
            return;
        }
        try {
            outcomes.finished(new FinishedFire(r.taskId(), r.taskName(), r.departmentId(), r.fireId(),
                    r.scheduledTime(), r.success(), r.error()));
        } catch (RuntimeException e) {
            log.error("Could not report the outcome of fire {}", r.fireId(), e);
        }
    }
}
