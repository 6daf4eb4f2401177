package io.distributedjob.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The fires taken and not yet ended, and a wait until there are none (the shutdown's). */
final class ActiveFires {

    private final Set<FireRun> active = ConcurrentHashMap.newKeySet();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition idle = idleLock.newCondition();

    void add(FireRun run) {
        active.add(run);
    }

    void remove(FireRun run) {
        active.remove(run);
        if (active.isEmpty()) {
            idleLock.lock();
            try {
                idle.signalAll();
            } finally {
                idleLock.unlock();
            }
        }
    }

    int size() {
        return active.size();
    }

    List<FireRun> snapshot() {
        return List.copyOf(active);
    }

    /** Waits until no fire is active or {@code deadline} passes; returns whether none is. */
    boolean awaitNone(Clock clock, Instant deadline) throws InterruptedException {
        idleLock.lock();
        try {
            while (!active.isEmpty()) {
                long millis = Duration.between(clock.instant(), deadline).toMillis();
                if (millis <= 0) {
                    break;
                }
                idle.await(millis, TimeUnit.MILLISECONDS);
            }
        } finally {
            idleLock.unlock();
        }
        return active.isEmpty();
    }
}
