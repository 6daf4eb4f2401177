package io.distributedjob.auth;

import java.time.Instant;

/**
 * Remembers revoked token ids and sessions until they could no longer be used anyway. With Redis it is shared by
 * every instance, so a token revoked through one is refused by all.
 */
interface TokenRevoker {

    /** Marks {@code key} revoked until {@code until}. */
    void revoke(String key, Instant until);

    /** Marks {@code key} revoked unless it already was; returns whether this call did it. Atomic. */
    boolean revokeFirst(String key, Instant until);

    /** Whether any of the keys is revoked. */
    boolean anyRevoked(String... keys);
}
