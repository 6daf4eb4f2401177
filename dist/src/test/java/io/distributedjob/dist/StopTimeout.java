package io.distributedjob.dist;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a draining server may take to stop: Spring gives each lifecycle phase (the scheduling engine's drain,
 * the web server's graceful shutdown) up to {@code spring.lifecycle.timeout-per-shutdown-phase}. Every supervisor
 * must wait longer than that before it kills the process.
 */
final class StopTimeout {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");

    private StopTimeout() {
    }

    @SuppressWarnings("unchecked")
    static Duration ofServer() {
        Map<String, Object> yaml = ServerKeys.load(Repository.path("server/src/main/resources/application.yaml"));
        Map<String, Object> lifecycle = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("lifecycle");
        return parse(resolve(String.valueOf(lifecycle.get("timeout-per-shutdown-phase"))));
    }

    /**
     * The built-in defaults name the operator's key, as in {@code ${job.shutdownWaitSeconds:20}s}: the shipped
     * configs/config.yaml sets it, and the placeholder's default stands where that file leaves it out.
     */
    static String resolve(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        if (!placeholder.find()) {
            return text;
        }
        Object configured = valueAt(ServerKeys.load(Repository.path("configs/config.yaml")), placeholder.group(1));
        String value = configured == null ? placeholder.group(2) : String.valueOf(configured);
        return text.substring(0, placeholder.start()) + value + text.substring(placeholder.end());
    }

    @SuppressWarnings("unchecked")
    private static Object valueAt(Map<String, Object> yaml, String dottedKey) {
        Object node = yaml;
        for (String part : dottedKey.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(part);
        }
        return node;
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
