package io.distributedjob.config;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code metrics} section: whether the server keeps meters, and who may read the Prometheus text at
 * {@code GET /v1/metrics}.
 *
 * @param enabled false: every meter (the scheduler's, REST, gRPC, JVM, pool) is denied at registration, so
 *                recording costs nothing and the endpoint serves no series; for measuring what metrics cost
 * @param token empty: the endpoint is public like {@code /health}; otherwise scrapers must send
 *              {@code Authorization: Bearer <token>}
 */
@Validated
@ConfigurationProperties("metrics")
public record MetricsSettings(@DefaultValue("true") boolean enabled, @DefaultValue("") String token) {

    /** Minimum length of a scrape token, so that a placeholder such as "x" is not mistaken for a secret. */
    static final int MIN_TOKEN_LENGTH = 16;

    public boolean protectedByToken() {
        return !token.isEmpty();
    }

    @AssertTrue(message = "metrics.token must be empty or at least 16 characters without surrounding spaces")
    public boolean isTokenUsable() {
        return token.isEmpty() || (token.length() >= MIN_TOKEN_LENGTH && token.strip().equals(token));
    }
}
