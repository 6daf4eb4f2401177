package io.distributedjob.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.distributedjob.config.AuthSettings;
import io.distributedjob.web.ApiException;
import io.distributedjob.web.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and per client address within a window; at the limit, that username or
 * address is refused with 429 for the lock time, whether or not the next password is right. Counts are kept by
 * each instance.
 */
@Component
class LoginThrottle {

    /** Past this many tracked names and addresses, idle ones are dropped so the map cannot grow without bound. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxPerUser;
    private final int maxPerClient;
    private final Duration window;
    private final Duration lock;

    LoginThrottle(AuthSettings settings, Clock clock) {
        this.clock = clock;
        this.maxPerUser = settings.login().maxFailuresPerUser();
        this.maxPerClient = settings.login().maxFailuresPerClient();
        this.window = Duration.ofSeconds(settings.login().windowSeconds());
        this.lock = Duration.ofSeconds(settings.login().lockSeconds());
    }

    /** Throws 429/4029 while the username or the client address is locked. */
    void check(String username, String client) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(userKey(username), now), lockedUntil(clientKey(client), now));
        if (until != null) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds());
            throw new ApiException(ErrorCode.TOO_MANY_REQUESTS,
                    "too many failed logins: try again in " + seconds + " seconds");
        }
    }

    void failed(String username, String client) {
        Instant now = clock.instant();
        count(userKey(username), maxPerUser, now);
        count(clientKey(client), maxPerClient, now);
        if (attempts.size() > SWEEP_ABOVE) {
            attempts.entrySet().removeIf(entry -> entry.getValue().idle(now, window));
        }
    }

    /** A successful login clears the username's failures; the client's stay, so spraying names still trips it. */
    void succeeded(String username) {
        attempts.remove(userKey(username));
    }

    private Instant lockedUntil(String key, Instant now) {
        Attempts entry = attempts.get(key);
        return entry == null ? null : entry.lockedUntil(now);
    }

    private void count(String key, int max, Instant now) {
        attempts.computeIfAbsent(key, k -> new Attempts()).fail(now, window, max, lock);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static final class Attempts {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;

        synchronized void fail(Instant now, Duration window, int max, Duration lock) {
            forgetOld(now, window);
            failures.addLast(now);
            if (failures.size() >= max) {
                lockedUntil = now.plus(lock);
                failures.clear();
            }
        }

        synchronized Instant lockedUntil(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : null;
        }

        synchronized boolean idle(Instant now, Duration window) {
            forgetOld(now, window);
            return failures.isEmpty() && lockedUntil(now) == null;
        }

        private void forgetOld(Instant now, Duration window) {
            Instant oldest = now.minus(window);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
                failures.removeFirst();
            }
        }
    }
}
