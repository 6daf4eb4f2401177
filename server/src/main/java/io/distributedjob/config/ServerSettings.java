package io.distributedjob.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code server} section: the REST API and web console listener.
 *
 * @param port          HTTP port; 0 picks a free port
 * @param contextPath   base path of the REST API and console
 * @param timeout       seconds an HTTP request may take before the server gives up on it
 * @param maxBodyBytes  largest request body accepted; larger bodies are refused with 413
 */
@Validated
@ConfigurationProperties("server")
public record ServerSettings(
        @DefaultValue("9088") @Min(0) @Max(65535) int port,
        @DefaultValue("/v1") @Pattern(regexp = "/[A-Za-z0-9_\\-/]*", message = "must start with / and contain only letters, digits, -, _ and /") String contextPath,
        @DefaultValue("10") @Min(1) @Max(3600) int timeout,
        @DefaultValue("1048576") @Min(1024) @Max(104857600) long maxBodyBytes) {
}
