package io.distributedjob.auth;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.distributedjob.auth.AttemptLimiter.Admission;
import io.distributedjob.auth.AttemptLimiter.Quota;
import io.distributedjob.config.AuthSettings;
import org.springframework.stereotype.Component;

/** Refreshes per session and per client address within a window; past either limit, 429 until it passes. */
@Component
class RefreshThrottle {

    private final AttemptLimiter limiter;
    private final int maxPerSession;
    private final int maxPerClient;
    private final Duration window;

    RefreshThrottle(AttemptLimiter limiter, AuthSettings settings) {
        this.limiter = limiter;
        this.maxPerSession = settings.refresh().maxPerSession();
        this.maxPerClient = settings.refresh().maxPerClient();
        this.window = Duration.ofSeconds(settings.refresh().windowSeconds());
    }

    void admit(String sessionId, String client) {
        Admission admission = limiter.admit(UUID.randomUUID().toString(), List.of(
                new Quota("refresh:session:" + sessionId, maxPerSession, window, window),
                new Quota("refresh:client:" + client, maxPerClient, window, window)));
        if (!admission.admitted()) {
            throw admission.refusal("refreshes");
        }
    }
}
