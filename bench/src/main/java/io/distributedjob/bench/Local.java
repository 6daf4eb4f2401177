package io.distributedjob.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import io.distributedjob.support.TcpProxy;

/** What a benchmark run needs of the machine: the MariaDB server, free ports, a clean work directory. */
final class Local {

    static final String MARIADB = System.getenv().getOrDefault("DJ_TEST_MARIADB", "127.0.0.1:3306");
    static final String MARIADB_USER = System.getenv().getOrDefault("DJ_TEST_MARIADB_USER", "root");
    static final String MARIADB_PASSWORD = System.getenv().getOrDefault("DJ_TEST_MARIADB_PASSWORD", "");

    private Local() {
    }

    static String createSchema() throws SQLException {
        String schema = "dj_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        mariaDbExecute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return schema;
    }

    static void mariaDbExecute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + MARIADB + "/", MARIADB_USER,
                MARIADB_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A TCP proxy in front of the MariaDB server, for an instance that the harness cuts off the database. */
    static TcpProxy proxyToMariaDb() throws IOException {
        int colon = MARIADB.lastIndexOf(':');
        return new TcpProxy(MARIADB.substring(0, colon), Integer.parseInt(MARIADB.substring(colon + 1)));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
