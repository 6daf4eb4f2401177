package io.distributedjob.support;

import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.distributedjob.storage.H2Dialect;
import io.distributedjob.storage.MySqlDialect;
import io.distributedjob.storage.SqlDialect;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A migrated database for storage-level tests without a running server: a private in-memory H2 database, or a
 * fresh schema of the machine's MariaDB. Several components (acting as several instances) may share it.
 */
public final class EngineDatabase implements AutoCloseable {

    private static final int POOL_SIZE = 8;

    private final HikariDataSource dataSource;
    private final SqlDialect dialect;

    private EngineDatabase(String url, String username, String password, SqlDialect dialect) {
        this.dialect = dialect;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionInitSql(dialect.sessionInitSql());
        this.dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + dialect.name()).load().migrate();
    }

    public static EngineDatabase h2() {
        return new EngineDatabase("jdbc:h2:mem:engine-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=USER,VALUE;DB_CLOSE_DELAY=-1",
                "sa", "", new H2Dialect());
    }

    public static EngineDatabase mariaDb() {
        String schema = MariaDb.freshSchema();
        return new EngineDatabase("jdbc:mariadb://" + MariaDb.hostPort() + "/" + schema
                + "?useBulkStmts=true&rewriteBatchedStatements=true", MariaDb.username(), MariaDb.password(),
                new MySqlDialect());
    }

    public JdbcClient jdbcClient() {
        return JdbcClient.create(dataSource);
    }

    public JdbcTemplate jdbcTemplate() {
        return new JdbcTemplate(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
