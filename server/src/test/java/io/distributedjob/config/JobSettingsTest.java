package io.distributedjob.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

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
    void aMisfireThresholdWithinTheLeaseIsRefused() {
        assertThat(validator.validate(settings(1000, 2000, 30, 30))).extracting(ConstraintViolation::getMessage)
                .containsExactly("misfireThresholdSeconds must be longer than leaseSeconds");
    }

    private static JobSettings settings(int pollMs, int lookaheadMs, int leaseSeconds, int misfireSeconds) {
        return new JobSettings(5, 100, 3, 2, 6, pollMs, lookaheadMs, 500, leaseSeconds, misfireSeconds, 500, 200, 4096, 0);
    }
}
