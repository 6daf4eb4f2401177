package io.distributedjob.auth;

import java.time.Instant;

/**
 * The state of login sessions: for each, the id of its one current refresh token, or that it was revoked. Entries
 * live as long as the session's refresh token could, so the store holds one entry per session, however often it
 * is refreshed. With Redis it is shared by every instance, so a session ended through one is refused by all.
 */
interface SessionStore {

    /** Records a new session and its first refresh token; false when the store is full and cannot take it. */
    boolean open(String sessionId, String refreshId, Instant until);

    /**
     * Replaces the session's current refresh token {@code presentedId} by {@code nextId}, atomically. A presented
     * token that is not the current one was used before: the session is revoked. A session the store does not
     * know (opened before an in-memory store restarted) takes the presented token as current.
     */
    Rotation rotate(String sessionId, String presentedId, String nextId, Instant until);

    /** Ends the session until {@code until}: its access and refresh tokens are refused. */
    void revoke(String sessionId, Instant until);

    boolean isRevoked(String sessionId);

    enum Rotation {
        /** The presented token was current; the next one is now. */
        ROTATED,
        /** The presented token had been used already; the session is now revoked. */
        REUSED,
        /** The session had ended before. */
        REVOKED,
        /** The store is full and does not know the session. */
        FULL
    }
}
