package io.distributedjob.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.distributedjob.auth.BearerToken;
import io.distributedjob.auth.PublicEndpoint;
import io.distributedjob.config.MetricsSettings;
import io.distributedjob.kernel.ApiException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: the Prometheus text exposition of every meter. It needs no access token (scrapers have
 * no user); {@code metrics.token} makes it require that bearer token instead.
 */
@RestController
class MetricsController {

    /** The classic text format every Prometheus version scrapes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final MetricsSettings settings;

    MetricsController(PrometheusMeterRegistry registry, MetricsSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @PublicEndpoint
    @GetMapping("/metrics")
    ResponseEntity<String> scrape(HttpServletRequest request) {
        if (settings.protectedByToken() && !presentsToken(request)) {
            throw ApiException.unauthorized("metrics need Authorization: Bearer <metrics.token>");
        }
        return ResponseEntity.ok().header("Content-Type", PROMETHEUS_TEXT).body(registry.scrape());
    }

    private boolean presentsToken(HttpServletRequest request) {
        String presented = BearerToken.of(request);
        return presented != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), settings.token().getBytes(StandardCharsets.UTF_8));
    }
}
