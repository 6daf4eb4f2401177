package io.distributedjob.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class JobSettingsTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theDefaultsOfConfigYamlAreValid() {
        assertThat(validator.validate(settings(1000, 2000, 10, 60))).isEmpty();
    }

    @Test
    void aLookaheadShorterThanThePollIntervalIsRefused() {
        assertThat(validator.validate(settings(1000, 500, 10, 60))).extracting(ConstraintViolation::getMessage)
                .containsExactly("lookaheadMs must be at least pollIntervalMs");
    }

    @Test
    void aLeaseWithinTwoPollIntervalsIsRefused() {
        assertThat(validator.validate(settings(6000, 6000, 10, 60))).extracting(ConstraintViolation::getMessage)
                .containsExactly("leaseSeconds must cover at least two poll intervals");
        assertThat(validator.validate(settings(5000, 5000, 10, 60))).isEmpty();
    }

    @Test
    void aMisfireThresholdWithinTheLeaseIsRefused() {
        assertThat(validator.validate(settings(1000, 2000, 30, 30))).extracting(ConstraintViolation::getMessage)
                .containsExactly("misfireThresholdSeconds must be longer than leaseSeconds");
    }

    @Test
    void oneShutdownWaitSetsTheEngineRecordsAndEveryShutdownPhase() throws IOException {
        assertThat(environment(Map.of()).getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
        StandardEnvironment configured = environment(Map.of("job.shutdownWaitSeconds", "45"));
        assertThat(configured.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("45s");
        assertThat(Binder.get(configured).bindOrCreate("job", JobSettings.class).shutdownWait())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(Binder.get(environment(Map.of())).bindOrCreate("job", JobSettings.class).shutdownWait())
                .isEqualTo(Duration.ofSeconds(20));
    }

    /** The built-in application.yaml under the given operator settings. */
    private static StandardEnvironment environment(Map<String, Object> operator) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("operator", operator));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static JobSettings settings(int pollMs, int lookaheadMs, int leaseSeconds, int misfireSeconds) {
        return new JobSettings(5, 100, 3, 2, 6, pollMs, lookaheadMs, 500, leaseSeconds, misfireSeconds, 500, 200, 4096, 0, 20);
    }
}
