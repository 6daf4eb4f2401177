package io.distributedjob.config;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code job} section: execution capacity and record retention, plus the scheduling engine's tunables.
 *
 * @param workers                 executions running at once, all task types together
 * @param queueSize               fires held in memory per instance that have not started (on its timer, waiting for a
 *                                worker or for a retry): it bounds claiming, never running (a fire taken always runs,
 *                                late if it must)
 * @param httpWorkers             HTTP executions running at once
 * @param grpcWorkers             gRPC executions running at once
 * @param recordRetentionMonths   month tables of execution records kept; older ones are dropped whole
 * @param pollIntervalMs          how often each instance looks for due fires
 * @param lookaheadMs             how far ahead of their instant fires are claimed and put on the in-memory timer
 * @param claimBatchSize          largest number of tasks claimed by one conditional update
 * @param leaseSeconds            how long an instance may stay silent before others take over its claimed fires
 * @param misfireThresholdSeconds a fire later than this when it is claimed or starts counts as missed (misfirePolicy
 *                                applies)
 * @param recordBatchSize         largest number of execution records inserted by one batch
 * @param recordFlushIntervalMs   longest time a finished execution waits before its record is written
 * @param responseMaxBytes        bytes of a target's response kept in the execution record
 * @param maxWorkersPerDepartment workers one department may hold at once (0: no cap beyond {@code workers})
 * @param shutdownWaitSeconds     how long a shutdown lets running fires finish, and then again how long it keeps
 *                                writing their records ({@code GET /shutdown?wait=N} sets the first for its shutdown)
 */
@Validated
@ConfigurationProperties("job")
public record JobSettings(
        @DefaultValue("5") @Min(1) @Max(100000) int workers,
        @DefaultValue("100") @Min(1) @Max(10000000) int queueSize,
        @DefaultValue("3") @Min(1) @Max(100000) int httpWorkers,
        @DefaultValue("2") @Min(1) @Max(100000) int grpcWorkers,
        @DefaultValue("6") @Min(1) @Max(1200) int recordRetentionMonths,
        @DefaultValue("1000") @Min(10) @Max(60000) int pollIntervalMs,
        @DefaultValue("2000") @Min(10) @Max(600000) int lookaheadMs,
        @DefaultValue("500") @Min(1) @Max(10000) int claimBatchSize,
        @DefaultValue("10") @Min(2) @Max(3600) int leaseSeconds,
        @DefaultValue("60") @Min(1) @Max(86400) int misfireThresholdSeconds,
        @DefaultValue("500") @Min(1) @Max(10000) int recordBatchSize,
        @DefaultValue("200") @Min(1) @Max(60000) int recordFlushIntervalMs,
        @DefaultValue("4096") @Min(0) @Max(JobSettings.MAX_RESPONSE_BYTES) int responseMaxBytes,
        @DefaultValue("0") @Min(0) @Max(100000) int maxWorkersPerDepartment,
        @DefaultValue("20") @Min(1) @Max(3600) int shutdownWaitSeconds) {

    /** The largest {@code responseMaxBytes}: 1 MiB, which every database's record table holds. */
    public static final int MAX_RESPONSE_BYTES = 1_048_576;

    public Duration shutdownWait() {
        return Duration.ofSeconds(shutdownWaitSeconds);
    }

    /** Fires must be claimed before the next poll could miss them, so the window reaches past one interval. */
    @AssertTrue(message = "lookaheadMs must be at least pollIntervalMs")
    public boolean isLookaheadCoveringPollInterval() {
        return lookaheadMs >= pollIntervalMs;
    }

    /** The heartbeat is renewed once a poll round: a lease within two rounds would lapse between renewals. */
    @AssertTrue(message = "leaseSeconds must cover at least two poll intervals")
    public boolean isLeaseCoveringTwoPollIntervals() {
        return leaseSeconds * 1000L >= 2L * pollIntervalMs;
    }

    /** A lease shorter than a misfire would turn every takeover into a misfire. */
    @AssertTrue(message = "misfireThresholdSeconds must be longer than leaseSeconds")
    public boolean isMisfireThresholdBeyondLease() {
        return misfireThresholdSeconds > leaseSeconds;
    }
}
