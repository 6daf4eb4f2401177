package io.distributedjob.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code log} section. Applied by {@code logback-spring.xml}; bound here so that a bad value stops
 * the server at start-up.
 *
 * @param path       directory of {@code app.log}
 * @param level      root log level
 * @param maxSize    megabytes at which {@code app.log} rolls over
 * @param maxBackups rolled files kept (as a total size cap of {@code maxSize * maxBackups})
 * @param maxAge     days rolled files are kept
 */
@Validated
@ConfigurationProperties("log")
public record LogSettings(
        @DefaultValue("./log") @NotBlank String path,
        @DefaultValue("INFO") @NotNull Level level,
        @DefaultValue("100") @Min(1) @Max(10240) int maxSize,
        @DefaultValue("10") @Min(1) @Max(1000) int maxBackups,
        @DefaultValue("30") @Min(1) @Max(3650) int maxAge) {

    public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }
}
