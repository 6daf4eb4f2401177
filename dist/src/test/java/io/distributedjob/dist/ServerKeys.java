package io.distributedjob.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.Yaml;

/**
 * The server's configuration keys, as configs/config.yaml lists every one of them, and how deployment files
 * name them: as YAML paths, or as environment variables the way the server binds them (upper case, dots as
 * underscores: {@code AUTH_REDIS_HOST} is {@code auth.redis.host}).
 */
final class ServerKeys {

    /** Read by bin/distributedjob for the JVM, not by the server. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("JAVA_OPTS");

    private static final Set<String> KEYS = leafKeys(load(Repository.path("configs/config.yaml")));

    private ServerKeys() {
    }

    static Set<String> all() {
        return KEYS;
    }

    static boolean exists(String key) {
        return KEYS.stream().anyMatch(known -> known.equalsIgnoreCase(key));
    }

    /** The key an environment variable sets, if it sets one. */
    static Optional<String> ofEnvironmentVariable(String name) {
        String relaxed = name.toLowerCase(Locale.ROOT).replace('_', '.');
        return KEYS.stream().filter(known -> known.toLowerCase(Locale.ROOT).equals(relaxed)).findFirst();
    }

    static Map<String, Object> load(Path yaml) {
        try {
            return new Yaml().load(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dotted paths of every leaf of a YAML mapping. */
    static Set<String> leafKeys(Map<String, Object> yaml) {
        Set<String> keys = new TreeSet<>();
        collect("", yaml, keys);
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Map<String, Object> map, Set<String> keys) {
        map.forEach((name, value) -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            if (value instanceof Map<?, ?> nested) {
                collect(key, (Map<String, Object>) nested, keys);
            } else {
                keys.add(key);
            }
        });
    }
}
