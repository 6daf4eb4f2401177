package io.distributedjob.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sessions of a single instance, in memory, at most {@code maxSessions} of them. When full, expired entries go
 * first; a live entry is never dropped to make room, since forgetting a revocation or a current refresh token
 * would let a revoked or used token through again. Instead a new session is refused (503) until room frees up.
 * Revoking always succeeds, even past the bound.
 */
class MemorySessionStore implements SessionStore {

    private static final String REVOKED = "";

    private final Map<String, Entry> sessions = new HashMap<>();
    private final Clock clock;
    private final int maxSessions;

    MemorySessionStore(Clock clock, int maxSessions) {
        this.clock = clock;
        this.maxSessions = maxSessions;
    }

    @Override
    public synchronized boolean open(String sessionId, String refreshId, Instant until) {
        if (!roomFor(sessionId)) {
            return false;
        }
        sessions.put(sessionId, new Entry(refreshId, until));
        return true;
    }

    @Override
    public synchronized Rotation rotate(String sessionId, String presentedId, String nextId, Instant until) {
        Entry entry = live(sessionId);
        if (entry == null && !roomFor(sessionId)) {
            return Rotation.FULL;
        }
        if (entry != null && entry.refreshId.equals(REVOKED)) {
            return Rotation.REVOKED;
        }
        if (entry != null && !entry.refreshId.equals(presentedId)) {
            sessions.put(sessionId, new Entry(REVOKED, later(entry.until, until)));
            return Rotation.REUSED;
        }
        sessions.put(sessionId, new Entry(nextId, until));
        return Rotation.ROTATED;
    }

    @Override
    public synchronized void revoke(String sessionId, Instant until) {
        Entry entry = live(sessionId);
        sessions.put(sessionId, new Entry(REVOKED, entry == null ? until : later(entry.until, until)));
    }

    @Override
    public synchronized boolean isRevoked(String sessionId) {
        Entry entry = live(sessionId);
        return entry != null && entry.refreshId.equals(REVOKED);
    }

    synchronized int size() {
        return sessions.size();
    }

    private Entry live(String sessionId) {
        Entry entry = sessions.get(sessionId);
        return entry == null || !entry.until.isAfter(clock.instant()) ? null : entry;
    }

    private boolean roomFor(String sessionId) {
        if (sessions.containsKey(sessionId) || sessions.size() < maxSessions) {
            return true;
        }
        Instant now = clock.instant();
        sessions.values().removeIf(entry -> !entry.until.isAfter(now));
        return sessions.size() < maxSessions;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Entry(String refreshId, Instant until) {
    }
}
