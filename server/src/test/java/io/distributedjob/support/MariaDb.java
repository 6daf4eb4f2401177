package io.distributedjob.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The machine's real MariaDB (or MySQL) for storage tests: each call to {@link #freshSchema()} creates an empty
 * database that is dropped when the test JVM exits. Reached at {@code -Ddj.test.mariadb.address} or
 * {@code DJ_TEST_MARIADB} (default {@code 127.0.0.1:3306}) as {@code DJ_TEST_MARIADB_USER}/{@code
 * DJ_TEST_MARIADB_PASSWORD} (default root, empty). Tests that use it skip without it: see {@link TestService}.
 */
public final class MariaDb {

    private MariaDb() {
    }

    public static String hostPort() {
        return TestEnvironment.setting("dj.test.mariadb.address", "DJ_TEST_MARIADB", "127.0.0.1:3306");
    }

    public static String username() {
        return TestEnvironment.setting("dj.test.mariadb.user", "DJ_TEST_MARIADB_USER", "root");
    }

    public static String password() {
        return TestEnvironment.setting("dj.test.mariadb.password", "DJ_TEST_MARIADB_PASSWORD", "");
    }

    /** Creates an empty schema with a unique name and returns that name. */
    public static String freshSchema() {
        TestService.MARIADB.assume();
        String schema = "dj_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP DATABASE IF EXISTS " + schema);
            } catch (RuntimeException ignored) {
                // the server may already be gone when the JVM exits; the schema name is unique anyway
            }
        }));
        return schema;
    }

    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + hostPort() + "/" + schema, username(), password());
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + hostPort() + "/", username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + hostPort() + " is needed for storage tests: " + e.getMessage(), e);
        }
    }
}
