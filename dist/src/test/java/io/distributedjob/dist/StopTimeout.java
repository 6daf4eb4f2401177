package io.distributedjob.dist;

import java.time.Duration;
import java.util.Map;

/**
 * How long a draining server may take to stop: Spring gives each lifecycle phase (the scheduling engine's drain,
 * the web server's graceful shutdown) up to {@code spring.lifecycle.timeout-per-shutdown-phase}. Every supervisor
 * must wait longer than that before it kills the process.
 */
final class StopTimeout {

    private StopTimeout() {
    }

    @SuppressWarnings("unchecked")
    static Duration ofServer() {
        Map<String, Object> yaml = ServerKeys.load(Repository.path("server/src/main/resources/application.yaml"));
        Map<String, Object> lifecycle = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("lifecycle");
        return parse(String.valueOf(lifecycle.get("timeout-per-shutdown-phase")));
    }

    /** A duration written as {@code 30s}, {@code 1m} or {@code 60} (seconds), as systemd, Compose and Spring write it. */
    static Duration parse(String text) {
        String value = text.trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }
}
