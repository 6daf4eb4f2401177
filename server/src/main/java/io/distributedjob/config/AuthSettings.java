package io.distributedjob.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code auth} section plus the token and revocation keys of the contract.
 *
 * @param jwtSecret          HMAC secret of at least 32 bytes; empty: generated once and kept in the data directory
 * @param jwtExpireHours     refresh-token lifetime
 * @param accessTokenMinutes access-token lifetime
 * @param adminUsername      bootstrap administrator created on first start
 * @param adminPassword      the bootstrap administrator's first password
 * @param revoker            where revoked tokens are remembered
 * @param redis              the Redis server used when {@code revoker} is {@code redis}
 */
@Validated
@ConfigurationProperties("auth")
public record AuthSettings(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("24") @Min(1) @Max(8760) int jwtExpireHours,
        @DefaultValue("30") @Min(1) @Max(1440) int accessTokenMinutes,
        @DefaultValue("admin") @NotBlank String adminUsername,
        @DefaultValue("admin123") @NotBlank String adminPassword,
        @DefaultValue("memory") @NotNull Revoker revoker,
        @DefaultValue @Valid Redis redis) {

    public enum Revoker { MEMORY, REDIS }

    /**
     * @param host     Redis host
     * @param port     Redis port
     * @param password Redis password, empty for none
     * @param database Redis logical database
     */
    public record Redis(
            @DefaultValue("127.0.0.1") @NotBlank String host,
            @DefaultValue("6379") @Min(1) @Max(65535) int port,
            @DefaultValue("") String password,
            @DefaultValue("0") @Min(0) @Max(15) int database) {
    }
}
