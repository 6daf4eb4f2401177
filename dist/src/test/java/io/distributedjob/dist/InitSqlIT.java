package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made from the archive's init.sql, as the MySQL container does: the archive's server starts on it
 * without migrating anything again, creates its administrator, and drains on SIGTERM.
 */
class InitSqlIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final String HOST_PORT = env("DJ_TEST_MARIADB", "127.0.0.1:3306");
    private static final String USER = env("DJ_TEST_MARIADB_USER", "root");
    private static final String PASSWORD = env("DJ_TEST_MARIADB_PASSWORD", "");

    @TempDir
    Path unpackInto;

    @TempDir
    Path elsewhere;

    private final String schema = "dj_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void createSchema() throws SQLException {
        execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + schema);
    }

    @Test
    void serverStartsOnADatabaseMadeFromInitSqlAndDrainsOnSigterm() throws Exception {
        UnpackedArchive archive = UnpackedArchive.unpack(unpackInto);
        String initSql = Files.readString(archive.home().resolve("scripts/init-db/init.sql"), StandardCharsets.UTF_8);
        try (Connection connection = connect("?allowMultiQueries=true"); Statement statement = connection.createStatement()) {
            statement.execute(initSql);
        }
        List<String> historyBefore = history();
        assertThat(historyBefore).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith("init.sql true"));
        assertThat(text("SELECT name FROM permission WHERE code = 'task:view'")).as("seed data, in UTF-8").isEqualTo("任务查看");

        try (UnpackedArchive.Server server = archive.start(elsewhere, "--database.url=" + HOST_PORT,
                "--database.username=" + USER, "--database.password=" + PASSWORD, "--database.schema=" + schema)
                .awaitHealthy()) {
            String token = server.login("admin", "admin123");
            assertThat(server.get("/v1/tasks", token).statusCode()).isEqualTo(200);
            assertThat(count("SELECT COUNT(*) FROM engine_instance")).as("the engine registered itself").isEqualTo(1);

            server.process().destroy();
            assertThat(server.awaitExit(EXIT_TIMEOUT)).as("the JVM's exit status after a SIGTERM it handled").isEqualTo(143);
        }

        assertThat(history()).as("Flyway took init.sql's history as its own and ran nothing again").isEqualTo(historyBefore);
        assertThat(count("SELECT COUNT(*) FROM engine_instance")).as("the drain unregistered the engine").isZero();
        assertThat(archive.home().resolve("log/app.log")).content().contains("GET /v1/tasks 200");
    }

    private List<String> history() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, description, checksum, installed_by, success"
                     + " FROM flyway_schema_history ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getInt(3) + " "
                        + result.getString(4) + " " + result.getBoolean(5));
            }
        }
        return rows;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private Connection connect(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + HOST_PORT + "/" + schema + options, USER, PASSWORD);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST_PORT + "/", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
