package io.distributedjob.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.distributedjob.config.DatabaseSettings;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the connection pool from the spec's {@code database} section: the embedded H2 file database when no
 * URL is configured, MySQL/MariaDB otherwise; and points Flyway at that database's migrations.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    /** How long a caller waits for a pooled connection before the database counts as unreachable. */
    private static final long CONNECTION_TIMEOUT_MS = 5_000;

    @Bean
    SqlDialect sqlDialect(DatabaseSettings settings) {
        return settings.embedded() ? new H2Dialect() : new MySqlDialect();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings, SqlDialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("distributedjob");
        config.setMaximumPoolSize(settings.maxConn());
        config.setMinimumIdle(Math.min(settings.maxIdle(), settings.maxConn()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setConnectionInitSql(dialect.sessionInitSql());
        if (settings.embedded()) {
            config.setJdbcUrl(embeddedUrl(settings.embeddedPath()));
            config.setUsername("sa");
            config.setPassword("");
        } else {
            config.setJdbcUrl(mysqlUrl(settings));
            config.setUsername(settings.username());
            config.setPassword(settings.password());
        }
        return new HikariDataSource(config);
    }

    @Bean
    FlywayConfigurationCustomizer migrationsOfThisDatabase(SqlDialect dialect) {
        return flyway -> flyway.locations("classpath:db/migration/" + dialect.name());
    }

    static String embeddedUrl(String directory) {
        Path dir = Path.of(directory).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded database directory " + dir, e);
        }
        return "jdbc:h2:file:" + dir.resolve("distributedjob")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=USER,VALUE";
    }

    static String mysqlUrl(DatabaseSettings settings) {
        String url = settings.url().trim();
        if (url.startsWith("jdbc:")) {
            return url;
        }
        return "jdbc:mariadb://" + url + "/" + settings.schema() + "?useBulkStmts=true&rewriteBatchedStatements=true";
    }
}
