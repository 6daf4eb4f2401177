package io.distributedjob.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.distributedjob.auth.SessionStore.Rotation;
import io.distributedjob.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The in-memory session store: one entry per session however often it refreshes, and a bound it keeps safely. */
class MemorySessionStoreTest {

    private static final Duration LIFETIME = Duration.ofHours(24);

    private final MutableClock clock = MutableClock.startingNow();

    @Test
    void aSessionRefreshedManyTimesTakesOneEntryAndOnlyItsCurrentTokenRotates() {
        MemorySessionStore store = new MemorySessionStore(clock, 10);
        assertThat(store.open("s", "r0", until())).isTrue();

        for (int i = 0; i < 500; i++) {
            assertThat(store.rotate("s", "r" + i, "r" + (i + 1), until())).isEqualTo(Rotation.ROTATED);
        }

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.rotate("s", "r17", "stolen", until())).as("an old token again").isEqualTo(Rotation.REUSED);
        assertThat(store.isRevoked("s")).isTrue();
        assertThat(store.rotate("s", "r500", "r501", until())).as("even the current one now").isEqualTo(Rotation.REVOKED);
    }

    @Test
    void whenFullNewSessionsAreRefusedUntilALiveOneExpires() {
        MemorySessionStore store = new MemorySessionStore(clock, 2);
        assertThat(store.open("a", "ra", clock.instant().plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(store.open("b", "rb", until())).isTrue();

        assertThat(store.open("c", "rc", until())).as("full of live sessions").isFalse();
        assertThat(store.rotate("unknown", "x", "y", until())).isEqualTo(Rotation.FULL);
        assertThat(store.rotate("b", "rb", "rb2", until())).as("known sessions go on").isEqualTo(Rotation.ROTATED);

        clock.advance(Duration.ofMinutes(6));
        assertThat(store.open("c", "rc", until())).as("the expired one made room").isTrue();
        assertThat(store.rotate("b", "rb", "again", until())).as("nothing live was dropped").isEqualTo(Rotation.REUSED);
    }

    @Test
    void aRevocationIsKeptEvenWhenTheStoreIsFull() {
        MemorySessionStore store = new MemorySessionStore(clock, 1);
        assertThat(store.open("a", "ra", until())).isTrue();

        store.revoke("opened-elsewhere", until());
        store.revoke("a", until());

        assertThat(store.isRevoked("opened-elsewhere")).isTrue();
        assertThat(store.isRevoked("a")).isTrue();
    }

    @Test
    void aSessionOpenedBeforeARestartTakesThePresentedTokenAsCurrent() {
        MemorySessionStore store = new MemorySessionStore(clock, 10);

        assertThat(store.rotate("s", "r0", "r1", until())).isEqualTo(Rotation.ROTATED);
        assertThat(store.rotate("s", "r0", "r2", until())).isEqualTo(Rotation.REUSED);
    }

    @Test
    void revocationsAndSessionsAreForgottenOnceTheyExpire() {
        MemorySessionStore store = new MemorySessionStore(clock, 1);
        store.revoke("s", clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(2));

        assertThat(store.isRevoked("s")).isFalse();
        assertThat(store.open("t", "rt", until())).isTrue();
        assertThat(store.size()).isEqualTo(1);
    }

    private Instant until() {
        return clock.instant().plus(LIFETIME);
    }
}
