package io.distributedjob.engine;

import java.time.Instant;
import java.util.Collection;
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
    private int size;

    void addAll(Collection<Instant> scheduled) {
        lock.lock();
        try {
            for (Instant instant : scheduled) {
                counts.merge(instant, 1, Integer::sum);
            }
            size += scheduled.size();
        } finally {
            lock.unlock();
        }
    }

    void remove(Instant scheduled) {
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
            size--;
        } finally {
            lock.unlock();
        }
    }

    void removeAll(Collection<Instant> scheduled) {
        scheduled.forEach(this::remove);
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

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }
}
