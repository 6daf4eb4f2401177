package io.distributedjob.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes running records by group commit. A fire that must not be called twice waits until its running record is in
 * the database before the first call, so that a takeover knows the call was under way; every record that arrives
 * while a batch is being written goes into the next batch. A herd of fires starting on one second so costs a few batch inserts,
 * one per round trip, never one insert per fire, and no fire waits for a flush interval. The running record of a
 * fire that need not wait for it is held back for {@link #GRACE}: most fires end sooner, and their own record is
 * then the only row written (an insert instead of an insert and an update), while a longer one is seen running
 * from a second after its start.
 */
final class RunningMarks {

    private static final Logger log = LoggerFactory.getLogger(RunningMarks.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final long IDLE_POLL_MILLIS = 500;
    /** How long the running record of a fire that does not wait for it is held back. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /**
     * The shortest wait for held-back marks still to come due. Waking for each as it comes due (a herd holds back
     * thousands a second, a fraction of a millisecond apart) would keep the writer spinning; a mark written up to
     * this much late beside a grace of a second changes nothing.
     */
    private static final long HELD_BACK_TICK_MILLIS = 50;

    private record Mark(ExecutionRecord record, CompletableFuture<Void> written) {
    }

    /** A held-back mark's fire and when it is due; marks come due in the order they were held back. */
    private record HeldBack(String fireId, long dueNanos) {
    }

    private final LinkedBlockingQueue<Mark> queue = new LinkedBlockingQueue<>();
    private final Map<String, ExecutionRecord> heldBack = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<HeldBack> heldBackOrder = new ConcurrentLinkedQueue<>();
    private final RecordInserter inserter;
    private final int batchSize;
    private volatile boolean running;
    private Thread writer;

    RunningMarks(RecordInserter inserter, int batchSize) {
        this.inserter = inserter;
        this.batchSize = batchSize;
    }

    /** Writes {@code record} once its fire has run for {@link #GRACE}, unless it has ended by then. */
    void holdBack(ExecutionRecord record) {
        heldBack.put(record.fireId(), record);
        heldBackOrder.add(new HeldBack(record.fireId(), System.nanoTime() + GRACE.toNanos()));
    }

    /** The fire {@code fireId} ended: a running record still held back for it is not written. */
    void ended(String fireId) {
        heldBack.remove(fireId);
    }

    /** Returns once {@code record} is in the database; an unreachable database is waited for. */
    void write(ExecutionRecord record) throws InterruptedException {
        Mark mark = new Mark(record, new CompletableFuture<>());
        queue.add(mark);
        try {
            mark.written().get();
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
        heldBack.clear();
        heldBackOrder.clear();
        List<Mark> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(mark -> mark.written().completeExceptionally(
                new IllegalStateException("the server stopped before the start of the fire was recorded")));
    }

    private void run() {
        while (running) {
            List<Mark> batch = new ArrayList<>();
            try {
                Mark first = queue.poll(untilNextDueMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                }
                takeDue(batch);
                if (!batch.isEmpty()) {
                    store(batch);
                }
            } catch (InterruptedException e) {
                queue.addAll(batch);
                return;
            }
        }
    }

    private long untilNextDueMillis() {
        HeldBack next = heldBackOrder.peek();
        if (next == null) {
            return IDLE_POLL_MILLIS;
        }
        long untilDue = next.dueNanos() - System.nanoTime();
        if (untilDue <= 0) {
            return 0;
        }
        return Math.clamp(TimeUnit.NANOSECONDS.toMillis(untilDue), HELD_BACK_TICK_MILLIS, IDLE_POLL_MILLIS);
    }

    /** Moves the held-back marks now due, of fires still going, into {@code batch}, up to a batch. */
    private void takeDue(List<Mark> batch) {
        long now = System.nanoTime();
        for (HeldBack next = heldBackOrder.peek(); next != null && next.dueNanos() - now <= 0 && batch.size() < batchSize;
             next = heldBackOrder.peek()) {
            heldBackOrder.poll();
            ExecutionRecord record = heldBack.remove(next.fireId());
            if (record != null) {
                batch.add(new Mark(record, new CompletableFuture<>()));
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
