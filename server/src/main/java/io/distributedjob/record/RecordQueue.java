package io.distributedjob.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The records waiting to be written, and how many are being written ("in flight"). Taking waits for a full
 * batch until a given time or until the queue is closed (the writer stopping).
 */
final class RecordQueue {

    /** How often a wait for the records in flight looks at its deadline again. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    /** A record and what to run once it is committed (may be null). */
    record Pending(ExecutionRecord record, Runnable afterCommit) {
    }

    private final int batchSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** A deque: a writer behind takes its batches off the head of a long queue. */
    private final Deque<Pending> pending = new ArrayDeque<>();
    private int inFlight;
    private boolean closed;

    RecordQueue(int batchSize) {
        this.batchSize = batchSize;
    }

    void add(Pending item) {
        lock.lock();
        try {
            pending.add(item);
            if (pending.size() >= batchSize) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void open() {
        lock.lock();
        try {
            closed = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops every wait for a full batch. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code waitNanos} for a full batch (or until closed), then takes what is there: in flight. */
    List<Pending> take(long waitNanos) {
        lock.lock();
        try {
            long remaining = waitNanos;
            while (!closed && pending.size() < batchSize && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            int count = Math.min(batchSize, pending.size());
            List<Pending> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                batch.add(pending.pollFirst());
            }
            inFlight += batch.size();
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    /** A batch given up (and {@link #finished}) while the writer stops goes back first in line. */
    void putBack(List<Pending> batch) {
        lock.lock();
        try {
            for (int i = batch.size() - 1; i >= 0; i--) {
                pending.addFirst(batch.get(i));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A batch taken is written (or given up for good). */
    void finished(int count) {
        lock.lock();
        try {
            inFlight -= count;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything waiting; returns how many there were. */
    int drop() {
        lock.lock();
        try {
            int dropped = pending.size();
            pending.clear();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Records waiting or being written. */
    int size() {
        lock.lock();
        try {
            return pending.size() + inFlight;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no batch is in flight or {@code deadline} passes; returns whether none is. */
    boolean awaitNoneInFlight(Clock clock, Instant deadline) {
        lock.lock();
        try {
            while (inFlight > 0) {
                long millis = Duration.between(clock.instant(), deadline).toMillis();
                if (millis <= 0) {
                    return false;
                }
                changed.await(Math.min(millis, RECHECK.toMillis()), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
