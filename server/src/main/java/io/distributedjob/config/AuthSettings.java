package io.distributedjob.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code auth} section plus the token, revocation and login-throttling keys of the contract.
 *
 * @param jwtSecret          HMAC secret of at least 32 bytes; empty: generated once and kept in the data directory
 * @param jwtExpireHours     refresh-token lifetime
 * @param accessTokenMinutes access-token lifetime
 * @param clockSkewSeconds   how far the clocks of instances may disagree when checking token times
 * @param adminUsername      bootstrap administrator created on first start
 * @param adminPassword      the bootstrap administrator's first password
 * @param revoker            where sessions, revocations and attempt counts are kept: {@code redis} shares them
 *                           across instances
 * @param redis              the Redis server used when {@code revoker} is {@code redis}
 * @param login              failed-login throttling
 * @param refresh            refresh rate limits
 * @param maxSessions        most sessions the in-memory store ({@code revoker: memory}) holds; when full, new
 *                           logins are refused with 503 until sessions expire
 */
@Validated
@ConfigurationProperties("auth")
public record AuthSettings(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("24") @Min(1) @Max(8760) int jwtExpireHours,
        @DefaultValue("30") @Min(1) @Max(1440) int accessTokenMinutes,
        @DefaultValue("30") @Min(0) @Max(600) int clockSkewSeconds,
        @DefaultValue("admin") @NotBlank String adminUsername,
        @DefaultValue(AuthSettings.SAMPLE_ADMIN_PASSWORD) @NotBlank String adminPassword,
        @DefaultValue("memory") @NotNull Revoker revoker,
        @DefaultValue @Valid Redis redis,
        @DefaultValue @Valid Login login,
        @DefaultValue @Valid Refresh refresh,
        @DefaultValue("100000") @Min(1) @Max(10000000) int maxSessions) {

    /**
     * The published sample password of the bootstrap administrator: while an account still has it, it signs in
     * only from the server's own host.
     */
    public static final String SAMPLE_ADMIN_PASSWORD = "admin123";

    public enum Revoker { MEMORY, REDIS }

    /**
     * @param host          Redis host
     * @param port          Redis port
     * @param password      Redis password, empty for none
     * @param database      Redis logical database
     * @param keyPrefix     prefix of every key written, so several installations can share one Redis
     * @param timeoutMillis how long one Redis command may take before the request fails
     */
    public record Redis(
            @DefaultValue("127.0.0.1") @NotBlank String host,
            @DefaultValue("6379") @Min(1) @Max(65535) int port,
            @DefaultValue("") String password,
            @DefaultValue("0") @Min(0) @Max(15) int database,
            @DefaultValue("distributedjob:") @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}", message = "must be 1-64 letters, digits, _, :, . or -") String keyPrefix,
            @DefaultValue("2000") @Min(100) @Max(60000) int timeoutMillis) {
    }

    /**
     * Failed logins counted within {@code windowSeconds}: reaching a limit refuses further attempts for that
     * username, or from that client address, with 429 for {@code lockSeconds}.
     *
     * @param maxFailuresPerUser   failed attempts for one username before it is locked
     * @param maxFailuresPerClient failed attempts from one client address before it is locked
     * @param windowSeconds        how long a failed attempt counts
     * @param lockSeconds          how long a locked username or client address is refused
     */
    public record Login(
            @DefaultValue("5") @Min(1) @Max(1000) int maxFailuresPerUser,
            @DefaultValue("20") @Min(1) @Max(100000) int maxFailuresPerClient,
            @DefaultValue("300") @Min(1) @Max(86400) int windowSeconds,
            @DefaultValue("300") @Min(1) @Max(86400) int lockSeconds) {
    }

    /**
     * Refreshes counted within {@code windowSeconds}: past a limit, that session, or that client address, is
     * refused with 429 for the rest of the window.
     *
     * @param maxPerSession refreshes of one session (all its tabs together)
     * @param maxPerClient  refreshes from one client address
     * @param windowSeconds how long a refresh counts
     */
    public record Refresh(
            @DefaultValue("60") @Min(1) @Max(10000) int maxPerSession,
            @DefaultValue("600") @Min(1) @Max(1000000) int maxPerClient,
            @DefaultValue("60") @Min(1) @Max(86400) int windowSeconds) {
    }
}
