package io.distributedjob.task;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Header values that hold credentials: shown masked to those who may only look at a task, and kept when an
 * update sends the mask back, so a form can round-trip a task without ever holding its secrets.
 *
 * <p>A header is secret when it is one of the credential headers of HTTP or its name contains token, secret,
 * key or password (any case), as API keys and custom auth headers are usually named.
 */
@Component
class SecretHeaders {

    static final String MASK = "******";

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    private static final Set<String> SECRET_WORDS = Set.of("token", "secret", "key", "password");

    private final JsonMapper json;

    SecretHeaders(JsonMapper json) {
        this.json = json;
    }

    static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CREDENTIAL_HEADERS.contains(lower) || SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /** The headers (a JSON object as stored) with every secret value replaced by {@link #MASK}. */
    String mask(String headers) {
        ObjectNode object = parse(headers);
        if (object == null || object.propertyNames().stream().noneMatch(SecretHeaders::isSecret)) {
            return headers;
        }
        for (String name : List.copyOf(object.propertyNames())) {
            if (isSecret(name)) {
                object.put(name, MASK);
            }
        }
        return json.writeValueAsString(object);
    }

    /**
     * The headers an update sent, with each secret header still holding {@link #MASK} given back its stored
     * value; 400 naming the header when nothing is stored under its name, so a mask is never sent to a target.
     */
    String restore(String sent, String stored) {
        ObjectNode object = parse(sent);
        if (object == null || object.properties().stream().noneMatch(SecretHeaders::masked)) {
            return sent;
        }
        ObjectNode previous = parse(stored);
        for (Map.Entry<String, JsonNode> header : List.copyOf(object.properties())) {
            if (masked(header)) {
                String name = header.getKey();
                JsonNode kept = storedValue(previous, name).orElseThrow(() -> ApiException.invalid("headers: '" + name
                        + "' holds the mask " + MASK + " but no value is stored for it: send the value"));
                object.set(name, kept);
            }
        }
        return json.writeValueAsString(object);
    }

    private static boolean masked(Map.Entry<String, JsonNode> header) {
        return isSecret(header.getKey()) && header.getValue().isString() && MASK.equals(header.getValue().asString());
    }

    private static Optional<JsonNode> storedValue(ObjectNode stored, String name) {
        if (stored == null) {
            return Optional.empty();
        }
        return stored.properties().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The stored or validated headers as an object; null when there are none. */
    private ObjectNode parse(String headers) {
        if (headers == null || headers.isBlank()) {
            return null;
        }
        return json.readTree(headers) instanceof ObjectNode object ? object : null;
    }
}
