package io.distributedjob.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code database} section. An empty {@code url} selects the embedded H2 database under
 * {@code embeddedPath}; otherwise {@code url} is MySQL/MariaDB's {@code host:port} (or a full JDBC URL).
 *
 * @param url          {@code host:port} of MySQL/MariaDB, a {@code jdbc:} URL, or empty for the embedded database
 * @param username     database user
 * @param password     database password
 * @param schema       database (schema) name on MySQL/MariaDB
 * @param maxConn      largest number of pooled connections
 * @param maxIdle      connections kept open while idle
 * @param embeddedPath directory of the embedded database files
 */
@Validated
@ConfigurationProperties("database")
public record DatabaseSettings(
        @DefaultValue("") String url,
        @DefaultValue("root") String username,
        @DefaultValue("") String password,
        @DefaultValue("scheduler") @Pattern(regexp = "[A-Za-z0-9_$]{1,64}", message = "must be 1-64 letters, digits, _ or $") String schema,
        @DefaultValue("10") @Min(1) @Max(1000) int maxConn,
        @DefaultValue("5") @Min(0) @Max(1000) int maxIdle,
        @DefaultValue("./data") @NotBlank String embeddedPath) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
