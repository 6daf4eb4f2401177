package io.distributedjob.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code alert} section: how alerts are delivered.
 *
 * @param httpTimeoutMs          longest time one webhook or robot call may take, connect and answer together
 * @param missedFireCheckSeconds how often each instance looks for enabled tasks whose next fire has not started
 * @param smtp                   the mail server of e-mail channels
 */
@Validated
@ConfigurationProperties("alert")
public record AlertSettings(
        @DefaultValue("5000") @Min(100) @Max(60000) int httpTimeoutMs,
        @DefaultValue("30") @Min(1) @Max(3600) int missedFireCheckSeconds,
        @DefaultValue @Valid Smtp smtp) {

    public enum Security { NONE, STARTTLS, TLS }

    /**
     * @param host      SMTP host; empty: e-mail channels cannot send
     * @param port      SMTP port (587 for STARTTLS, 465 for TLS, 25 for plain)
     * @param security  NONE (plain), STARTTLS (upgrade required) or TLS (TLS from the first byte)
     * @param username  SMTP user; empty: no authentication
     * @param password  SMTP password
     * @param from      sender address of alert mails
     * @param timeoutMs longest time connecting, reading or writing may take
     */
    public record Smtp(
            @DefaultValue("") String host,
            @DefaultValue("587") @Min(1) @Max(65535) int port,
            @DefaultValue("STARTTLS") @NotNull Security security,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("distributedjob@localhost") @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "must be an e-mail address") String from,
            @DefaultValue("10000") @Min(100) @Max(120000) int timeoutMs) {

        public boolean configured() {
            return !host.isBlank();
        }
    }
}
