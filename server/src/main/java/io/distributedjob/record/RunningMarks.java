package io.distributedjob.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes running records by group commit. A fire that must not be called twice waits until its running record is in
 * the database before the first call, so that a takeover knows the call was under way; every record that arrives
 * while a batch is being written goes into the next batch. A herd of fires starting on one second so costs a few batch inserts,
 * one per round trip, never one insert per fire, and no fire waits for a flush interval.
 */
final class RunningMarks {

    private static final Logger log = LoggerFactory.getLogger(RunningMarks.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final long IDLE_POLL_MILLIS = 500;

    private record Mark(ExecutionRecord record, CompletableFuture<Void> written) {
    }

    private final LinkedBlockingQueue<Mark> queue = new LinkedBlockingQueue<>();
    private final RecordInserter inserter;
    private final int batchSize;
    private volatile boolean running;
    private Thread writer;

    RunningMarks(RecordInserter inserter, int batchSize) {
        this.inserter = inserter;
        this.batchSize = batchSize;
    }

    /** Queues {@code record} for the next batch; the future completes once it is in the database. */
    CompletableFuture<Void> add(ExecutionRecord record) {
        Mark mark = new Mark(record, new CompletableFuture<>());
        queue.add(mark);
        return mark.written();
    }

    /** Returns once {@code record} is in the database; an unreachable database is waited for. */
    void write(ExecutionRecord record) throws InterruptedException {
        try {
            add(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    void start() {
        running = true;
        writer = Thread.ofPlatform().name("running-records").daemon(true).start(this::run);
    }

    /** Stops writing; a fire still waiting for its running record is told so and does not make its call. */
    void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(RETRY_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Mark> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(mark -> mark.written().completeExceptionally(
                new IllegalStateException("the server stopped before the start of the fire was recorded")));
    }

    private void run() {
        while (running) {
            List<Mark> batch = new ArrayList<>();
            try {
                Mark first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                store(batch);
            } catch (InterruptedException e) {
                queue.addAll(batch);
                return;
            }
        }
    }

    private void store(List<Mark> batch) throws InterruptedException {
        while (true) {
            try {
                inserter.markRunning(batch.stream().map(Mark::record).toList());
                batch.forEach(mark -> mark.written().complete(null));
                return;
            } catch (RuntimeException e) {
                log.warn("Could not write {} running records, retrying: {}", batch.size(), e.toString());
                Thread.sleep(RETRY_DELAY);
            }
        }
    }
}
