package io.distributedjob.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scheduled instants of the fires this instance has claimed and not yet recorded. Its earliest entry is the
 * watermark published as {@code done_before}: every claimed fire before it is in the records. A fire is added
 * before the claim that takes it commits, so a published watermark is never ahead of the truth.
 */
final class OutstandingFires {

    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Instant, Integer> counts = new TreeMap<>();
    private final Map<Long, Integer> perTask = new HashMap<>();
    private int size;

    void addAll(Collection<Key> fires) {
        lock.lock();
        try {
            for (Key fire : fires) {
                counts.merge(fire.scheduledTime(), 1, Integer::sum);
                perTask.merge(fire.taskId(), 1, Integer::sum);
            }
            size += fires.size();
        } finally {
            lock.unlock();
        }
    }

    void remove(long taskId, Instant scheduled) {
        lock.lock();
        try {
            Integer count = counts.get(scheduled);
            if (count == null) {
                return;
            }
            if (count == 1) {
                counts.remove(scheduled);
            } else {
                counts.put(scheduled, count - 1);
            }
            perTask.computeIfPresent(taskId, (id, n) -> n == 1 ? null : n - 1);
            size--;
        } finally {
            lock.unlock();
        }
    }

    void removeAll(Collection<Key> fires) {
        fires.forEach(fire -> remove(fire.taskId(), fire.scheduledTime()));
    }

    /** Whether some fire of the task is claimed here and not yet recorded. */
    boolean holds(long taskId) {
        lock.lock();
        try {
            return perTask.containsKey(taskId);
        } finally {
            lock.unlock();
        }
    }

    /** The earliest outstanding fire, or null when every claimed fire is recorded. */
    Instant watermark() {
        lock.lock();
        try {
            return counts.isEmpty() ? null : counts.firstKey();
        } finally {
            lock.unlock();
        }
    }

    /** A claimed fire: its task and scheduled instant. */
    record Key(long taskId, Instant scheduledTime) {
    }

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }
}
