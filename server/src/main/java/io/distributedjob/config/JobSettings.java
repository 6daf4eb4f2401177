package io.distributedjob.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code job} section: execution capacity and record retention.
 *
 * @param workers               executions running at once, all task types together
 * @param queueSize             fires waiting for a worker before new ones are refused (and recorded as failed)
 * @param httpWorkers           HTTP executions running at once
 * @param grpcWorkers           gRPC executions running at once
 * @param recordRetentionMonths month tables of execution records kept; older ones are dropped whole
 */
@Validated
@ConfigurationProperties("job")
public record JobSettings(
        @DefaultValue("5") @Min(1) @Max(100000) int workers,
        @DefaultValue("100") @Min(1) @Max(10000000) int queueSize,
        @DefaultValue("3") @Min(1) @Max(100000) int httpWorkers,
        @DefaultValue("2") @Min(1) @Max(100000) int grpcWorkers,
        @DefaultValue("6") @Min(1) @Max(1200) int recordRetentionMonths) {
}
