package io.distributedjob.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;

import io.distributedjob.config.AuthSettings;
import io.distributedjob.web.ApiException;
import io.distributedjob.web.ErrorCode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations shared by every instance through Redis: one key per revoked token id or session, expiring with the
 * token. When Redis cannot be reached, requests fail with 503 instead of letting a revoked token through.
 */
class RedisTokenRevoker implements TokenRevoker, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenRevoker.class);
    private static final String VALUE = "1";
    private static final String OK = "OK";
    private static final long MIN_TTL_MILLIS = 1;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final Clock clock;

    RedisTokenRevoker(AuthSettings.Redis settings, Clock clock) {
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
        this.redis = connection.sync();
        this.prefix = settings.keyPrefix() + "revoked:";
        this.clock = clock;
        log.info("Token revocations are shared through Redis at {}:{} database {}", settings.host(), settings.port(),
                settings.database());
    }

    @Override
    public void revoke(String key, Instant until) {
        long ttl = ttlMillis(until);
        call(() -> redis.set(prefix + key, VALUE, SetArgs.Builder.px(ttl)));
    }

    @Override
    public boolean revokeFirst(String key, Instant until) {
        long ttl = ttlMillis(until);
        return OK.equals(call(() -> redis.set(prefix + key, VALUE, SetArgs.Builder.px(ttl).nx())));
    }

    @Override
    public boolean anyRevoked(String... keys) {
        String[] prefixed = Arrays.stream(keys).map(key -> prefix + key).toArray(String[]::new);
        Long found = call(() -> redis.exists(prefixed));
        return found != null && found > 0;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private long ttlMillis(Instant until) {
        return Math.max(MIN_TTL_MILLIS, Duration.between(clock.instant(), until).toMillis());
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            log.warn("Redis revocation store failed: {}", e.toString());
            throw new ApiException(ErrorCode.UNAVAILABLE, "token revocation store unavailable");
        }
    }
}
