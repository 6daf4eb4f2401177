package io.distributedjob.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import io.distributedjob.execution.Fire;

/**
 * Holds claimed fires in memory and hands each to {@code onDue} at its scheduled instant, read from the
 * injected clock, so a fire starts within milliseconds of its time rather than at the next poll.
 */
final class FireTimer {

    /** Re-reads the clock at least this often, so a clock that jumps (or a test clock) is followed. */
    private static final Duration MAX_SLEEP = Duration.ofMillis(200);

    /**
     * Earliest instant first, then in the order scheduled. Written out rather than composed from key extractors: a
     * herd puts tens of thousands of fires on the queue, each insertion and removal some fifteen comparisons.
     */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        int byInstant = a.fire.scheduledTime().compareTo(b.fire.scheduledTime());
        return byInstant != 0 ? byInstant : Long.compare(a.sequence, b.sequence);
    };

    private final Clock clock;
    private final Consumer<Fire> onDue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(ORDER);
    private final Map<Long, List<Entry>> byTask = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /**
     * The fires held and not cancelled, kept beside the queue: the claim side reads it each time a fire takes a
     * worker, and counting the queue there would cost every held fire on every start.
     */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean running;
    private Thread thread;

    FireTimer(Clock clock, Consumer<Fire> onDue) {
        this.clock = clock;
        this.onDue = onDue;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("fire-timer").daemon(true).start(this::run);
    }

    void schedule(Collection<Fire> fires) {
        lock.lock();
        try {
            for (Fire fire : fires) {
                Entry entry = new Entry(fire, sequence.incrementAndGet());
                queue.add(entry);
                byTask.computeIfAbsent(fire.task().id(), id -> new ArrayList<>()).add(entry);
            }
            pending.addAndGet(fires.size());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies {@code change} to each pending fire of a task: null drops the fire, another fire replaces it.
     * Returns the fires dropped.
     */
    List<Fire> revise(long taskId, Function<Fire, Fire> change) {
        List<Fire> dropped = new ArrayList<>();
        lock.lock();
        try {
            List<Entry> entries = byTask.remove(taskId);
            if (entries == null) {
                return dropped;
            }
            List<Entry> kept = new ArrayList<>();
            for (Entry entry : entries) {
                Fire revised = change.apply(entry.fire);
                if (revised != entry.fire) {
                    entry.cancelled = true;
                    if (revised == null) {
                        dropped.add(entry.fire);
                        continue;
                    }
                    Entry replacement = new Entry(revised, sequence.incrementAndGet());
                    queue.add(replacement);
                    kept.add(replacement);
                } else {
                    kept.add(entry);
                }
            }
            if (!kept.isEmpty()) {
                byTask.put(taskId, kept);
            }
            pending.addAndGet(-dropped.size());
            changed.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the timer and returns the fires that had not started. */
    List<Fire> stop() {
        lock.lock();
        try {
            running = false;
            return takeAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns every fire that has not started; the timer goes on. */
    List<Fire> takeAll() {
        lock.lock();
        try {
            List<Fire> unstarted = new ArrayList<>();
            for (Entry entry : queue) {
                if (!entry.cancelled) {
                    unstarted.add(entry.fire);
                }
            }
            queue.clear();
            byTask.clear();
            pending.set(0);
            changed.signalAll();
            return unstarted;
        } finally {
            lock.unlock();
        }
    }

    /** Re-reads the clock now (after a test moves it). */
    void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int pending() {
        return pending.get();
    }

    private void run() {
        List<Fire> due = new ArrayList<>();
        while (running) {
            lock.lock();
            try {
                takeDue(due);
                if (due.isEmpty()) {
                    waitForNext();
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            for (Fire fire : due) {
                onDue.accept(fire);
            }
            due.clear();
        }
    }

    private void takeDue(List<Fire> due) {
        Instant now = clock.instant();
        while (running && !queue.isEmpty() && !queue.peek().fire.scheduledTime().isAfter(now)) {
            Entry entry = queue.poll();
            if (entry.cancelled) {
                continue;
            }
            List<Entry> entries = byTask.get(entry.fire.task().id());
            if (entries != null) {
                entries.remove(entry);
                if (entries.isEmpty()) {
                    byTask.remove(entry.fire.task().id());
                }
            }
            pending.decrementAndGet();
            due.add(entry.fire);
        }
    }

    private void waitForNext() throws InterruptedException {
        long waitNanos = MAX_SLEEP.toNanos();
        Entry first = queue.peek();
        if (first != null) {
            long untilDue = Duration.between(clock.instant(), first.fire.scheduledTime()).toNanos();
            waitNanos = Math.max(0, Math.min(waitNanos, untilDue));
        }
        if (waitNanos > 0 && running) {
            changed.awaitNanos(waitNanos);
        }
    }

    private static final class Entry {

        final Fire fire;
        final long sequence;
        boolean cancelled;

        Entry(Fire fire, long sequence) {
            this.fire = fire;
            this.sequence = sequence;
        }
    }
}
