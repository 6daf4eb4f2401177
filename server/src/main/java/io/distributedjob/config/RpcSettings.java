package io.distributedjob.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code rpc} section: the gRPC listener.
 *
 * @param port                 gRPC port; 0 picks a free port
 * @param maxConcurrentStreams concurrent streams allowed per connection
 * @param keepAliveTime        seconds between keep-alive pings
 * @param keepAliveTimeout     seconds to wait for a keep-alive acknowledgement
 */
@Validated
@ConfigurationProperties("rpc")
public record RpcSettings(
        @DefaultValue("9090") @Min(0) @Max(65535) int port,
        @DefaultValue("100") @Min(1) @Max(100000) int maxConcurrentStreams,
        @DefaultValue("30") @Min(1) @Max(86400) int keepAliveTime,
        @DefaultValue("10") @Min(1) @Max(3600) int keepAliveTimeout) {
}
