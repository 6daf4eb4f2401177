package io.distributedjob.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Revocations of a single instance, kept in memory and forgotten once expired. */
class MemoryTokenRevoker implements TokenRevoker {

    /** Expired entries are swept after this many writes, keeping the sweep's cost spread thin. */
    private static final int SWEEP_EVERY_WRITES = 256;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final Clock clock;

    MemoryTokenRevoker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void revoke(String key, Instant until) {
        revoked.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
        afterWrite();
    }

    @Override
    public boolean revokeFirst(String key, Instant until) {
        Instant now = clock.instant();
        boolean[] first = {false};
        revoked.compute(key, (k, existing) -> {
            if (existing == null || !existing.isAfter(now)) {
                first[0] = true;
                return until;
            }
            return existing;
        });
        afterWrite();
        return first[0];
    }

    @Override
    public boolean anyRevoked(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Instant until = revoked.get(key);
            if (until != null && until.isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    private void afterWrite() {
        if (writes.incrementAndGet() % SWEEP_EVERY_WRITES == 0) {
            Instant now = clock.instant();
            revoked.values().removeIf(until -> !until.isAfter(now));
        }
    }
}
