package io.distributedjob.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Attempt counts of a single instance, in memory. */
class MemoryAttemptLimiter implements AttemptLimiter {

    /** Past this many tracked keys, idle ones are dropped so the map cannot grow without bound. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Window> windows = new HashMap<>();
    private final Clock clock;

    MemoryAttemptLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Admission admit(String attemptId, List<Quota> quotas) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Quota quota : quotas) {
            Window window = windows.get(quota.key());
            if (window != null && window.lockedUntil.isAfter(now)) {
                Duration left = Duration.between(now, window.lockedUntil);
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        if (wait.isPositive()) {
            return Admission.refused(wait, null);
        }
        for (Quota quota : quotas) {
            Window window = windows.computeIfAbsent(quota.key(), key -> new Window());
            window.span = quota.window();
            window.forgetBefore(now.minus(quota.window()));
            if (window.attempts.size() >= quota.max()) {
                window.attempts.clear();
                window.lockedUntil = now.plus(quota.lock());
                return Admission.refused(quota.lock(), quota.key());
            }
        }
        for (Quota quota : quotas) {
            windows.get(quota.key()).attempts.addLast(new Attempt(attemptId, now));
        }
        if (windows.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        return Admission.ADMITTED;
    }

    @Override
    public synchronized void release(String key, String attemptId) {
        Window window = windows.get(key);
        if (window != null) {
            window.attempts.removeIf(attempt -> attempt.id.equals(attemptId));
        }
    }

    @Override
    public synchronized void forget(String key) {
        Window window = windows.get(key);
        if (window != null) {
            window.attempts.clear();
        }
    }

    /** Drops keys with no lock and no attempt still within their window. */
    private void sweep(Instant now) {
        windows.values().removeIf(window -> !window.lockedUntil.isAfter(now)
                && (window.attempts.isEmpty() || !window.attempts.peekLast().at.isAfter(now.minus(window.span))));
    }

    private record Attempt(String id, Instant at) {
    }

    private static final class Window {

        private final Deque<Attempt> attempts = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;
        private Duration span = Duration.ZERO;

        void forgetBefore(Instant oldest) {
            while (!attempts.isEmpty() && !attempts.peekFirst().at.isAfter(oldest)) {
                attempts.removeFirst();
            }
        }
    }
}
