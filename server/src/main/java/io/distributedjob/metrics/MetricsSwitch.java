package io.distributedjob.metrics;

import io.distributedjob.config.MetricsSettings;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code metrics.enabled: false} denies every meter. Spring Boot applies meter filters to the registry before
 * any binder or component registers a meter, so each one comes back as a no-op and recording costs a lookup.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSwitch {

    /** Neutral while metrics are on, so that the other filters (common tags) decide alone. */
    private static final MeterFilter NEUTRAL = new MeterFilter() {
    };

    @Bean
    MeterFilter denyMetersWhenDisabled(MetricsSettings settings) {
        return settings.enabled() ? NEUTRAL : MeterFilter.deny();
    }
}
