package io.distributedjob.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.distributedjob.auth.AttemptLimiter.Admission;
import io.distributedjob.auth.AttemptLimiter.Quota;
import io.distributedjob.config.AuthSettings;
import org.springframework.stereotype.Component;

/**
 * Login attempts per username and per client address within a window, counted before the password is checked:
 * once a username or address has had its limit of attempts without a success, the next one locks it, and it is
 * refused with 429 for the lock time whether or not the password is right. A good login takes its attempt back
 * and clears the username's count; the address keeps its failures, so spraying names still trips it.
 */
@Component
class LoginThrottle {

    private final AttemptLimiter limiter;
    private final int maxPerUser;
    private final int maxPerClient;
    private final Duration window;
    private final Duration lock;

    LoginThrottle(AttemptLimiter limiter, AuthSettings settings) {
        this.limiter = limiter;
        this.maxPerUser = settings.login().maxFailuresPerUser();
        this.maxPerClient = settings.login().maxFailuresPerClient();
        this.window = Duration.ofSeconds(settings.login().windowSeconds());
        this.lock = Duration.ofSeconds(settings.login().lockSeconds());
    }

    /**
     * Counts an attempt; refused ones throw 429/4029. {@code onLocked} runs once per lock, for the attempt that
     * started it, so a locked-out caller cannot make it run again and again.
     */
    Attempt admit(String username, String client, LockListener onLocked) {
        String user = userKey(username);
        String address = clientKey(client);
        String id = UUID.randomUUID().toString();
        Admission admission = limiter.admit(id, List.of(new Quota(user, maxPerUser, window, lock),
                new Quota(address, maxPerClient, window, lock)));
        if (!admission.admitted()) {
            if (admission.lockedKey() != null) {
                onLocked.locked(admission.lockedKey().equals(user) ? "username" : "client address",
                        admission.lockedKey().equals(user) ? maxPerUser : maxPerClient, lock);
            }
            throw admission.refusal("failed logins");
        }
        return new Attempt(id, user, address);
    }

    /** A good login: it does not count against the address, and the username starts afresh. */
    void succeeded(Attempt attempt) {
        limiter.release(attempt.clientKey(), attempt.id());
        limiter.forget(attempt.userKey());
    }

    private static String userKey(String username) {
        return "login:user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "login:client:" + client;
    }

    /** An admitted login attempt. */
    record Attempt(String id, String userKey, String clientKey) {
    }

    @FunctionalInterface
    interface LockListener {

        /** {@code what} ("username" or "client address") reached {@code failures} and is locked for {@code lock}. */
        void locked(String what, int failures, Duration lock);
    }
}
