package io.distributedjob.auth;

import java.time.Clock;

import io.distributedjob.config.AuthSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the revocation store named by {@code auth.revoker}. */
@Configuration(proxyBeanMethods = false)
class TokenRevokerConfiguration {

    @Bean
    TokenRevoker tokenRevoker(AuthSettings settings, Clock clock) {
        return switch (settings.revoker()) {
            case MEMORY -> new MemoryTokenRevoker(clock);
            case REDIS -> new RedisTokenRevoker(settings.redis(), clock);
        };
    }
}
