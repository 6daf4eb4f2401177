package io.distributedjob.auth;

import java.time.Duration;
import java.util.function.Function;

import io.distributedjob.config.AuthSettings;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to the Redis of {@code auth.redis}, shared by the session store and the attempt limiter.
 * When Redis cannot be reached, requests fail with 503 instead of going on unchecked.
 */
final class AuthRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuthRedis.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;

    AuthRedis(AuthSettings.Redis settings) {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(settings.host())
                .withPort(settings.port())
                .withDatabase(settings.database())
                .withTimeout(Duration.ofMillis(settings.timeoutMillis()));
        if (!settings.password().isEmpty()) {
            uri.withPassword(settings.password().toCharArray());
        }
        this.client = RedisClient.create(uri.build());
        try {
            this.connection = client.connect();
        } catch (RedisException e) {
            client.shutdown();
            throw new AuthConfigurationException("auth.revoker is redis but Redis at " + settings.host() + ":"
                    + settings.port() + " (auth.redis) cannot be reached: " + e.getMessage(), e);
        }
        this.prefix = settings.keyPrefix();
        log.info("Sessions and login attempts are shared through Redis at {}:{} database {}", settings.host(),
                settings.port(), settings.database());
    }

    /** The key under this installation's prefix. */
    String key(String name) {
        return prefix + name;
    }

    /** Runs a command; 503/5030 when Redis fails. */
    <T> T call(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(connection.sync());
        } catch (RedisException e) {
            log.warn("Redis auth store failed: {}", e.toString());
            throw new ApiException(ErrorCode.UNAVAILABLE, "session store unavailable");
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
