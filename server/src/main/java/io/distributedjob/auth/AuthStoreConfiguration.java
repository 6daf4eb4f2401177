package io.distributedjob.auth;

import java.time.Clock;

import io.distributedjob.config.AuthSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks where sessions and attempt counts live, as {@code auth.revoker} names: this instance's memory or Redis. */
@Configuration(proxyBeanMethods = false)
class AuthStoreConfiguration {

    @Bean
    AuthStores authStores(AuthSettings settings, Clock clock) {
        return switch (settings.revoker()) {
            case MEMORY -> new AuthStores(new MemorySessionStore(clock, settings.maxSessions()),
                    new MemoryAttemptLimiter(clock), null);
            case REDIS -> {
                AuthRedis redis = new AuthRedis(settings.redis());
                yield new AuthStores(new RedisSessionStore(redis, clock), new RedisAttemptLimiter(redis, clock), redis);
            }
        };
    }

    @Bean
    SessionStore sessionStore(AuthStores stores) {
        return stores.sessions();
    }

    @Bean
    AttemptLimiter attemptLimiter(AuthStores stores) {
        return stores.attempts();
    }

    /** The stores and, with Redis, their connection, closed with the application. */
    record AuthStores(SessionStore sessions, AttemptLimiter attempts, AuthRedis redis) implements AutoCloseable {

        @Override
        public void close() {
            if (redis != null) {
                redis.close();
            }
        }
    }
}
