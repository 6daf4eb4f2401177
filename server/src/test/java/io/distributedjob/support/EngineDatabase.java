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
    private final String url;

    /** As the server's pool: a caller waits this long for a connection before the database counts as unreachable. */
    private static final long CONNECTION_TIMEOUT_MS = 5_000;

    private EngineDatabase(String url, String username, String password, SqlDialect dialect) {
        this.dialect = dialect;
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
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
        return mariaDbAt(MariaDb.hostPort());
    }

    /** A fresh MariaDB schema reached through {@code proxy}, so that a test can cut the database off. */
    public static EngineDatabase mariaDbThrough(TcpProxy proxy) {
        return mariaDbAt("127.0.0.1:" + proxy.port());
    }

    private static EngineDatabase mariaDbAt(String hostPort) {
        String schema = MariaDb.freshSchema();
        return new EngineDatabase("jdbc:mariadb://" + hostPort + "/" + schema
                + "?useBulkStmts=true&rewriteBatchedStatements=true", MariaDb.username(), MariaDb.password(),
                new MySqlDialect());
    }

    /**
     * Another pool on the same MariaDB schema straight to the server, not through the proxy this one may use: a
     * second instance that keeps its database while the first is cut off.
     */
    public EngineDatabase directToSameSchema() {
        String path = url.substring(url.indexOf('/', "jdbc:mariadb://".length()));
        return new EngineDatabase("jdbc:mariadb://" + MariaDb.hostPort() + path, MariaDb.username(),
                MariaDb.password(), dialect);
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
