package io.distributedjob.process;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar as an operator runs it: embedded defaults, MariaDB, restart, shutdown and bad configuration. */
class ServerProcessIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void startsOnEmbeddedDefaultsLogsRequestsAndShutsDownGracefully() throws Exception {
        try (ServerProcess server = ServerProcess.start(workDir).awaitHealthy()) {
            ApiResult health = server.api().get("/health");
            assertThat(health.data().get("status").asString()).isEqualTo("up");
            assertThat(workDir.resolve("data")).isDirectory();

            ApiResult shutdown = server.api().get("/shutdown?wait=2");
            assertThat(shutdown.code()).isZero();
            assertThat(server.awaitExit(EXIT_TIMEOUT)).isZero();
        }
        String log = Files.readString(workDir.resolve("log/app.log"));
        assertThat(log).contains("GET /v1/health 200").contains("GET /v1/shutdown 200");
    }

    @Test
    void embeddedDataSurvivesARestart() throws Exception {
        long departmentId;
        try (ServerProcess first = ServerProcess.start(workDir).awaitHealthy()) {
            ApiClient admin = first.api().login("admin", "admin123");
            ApiResult created = admin.post("/departments", ApiClient.json("name", "Payments", "status", 1));
            assertThat(created.code()).as(created.toString()).isZero();
            departmentId = created.data().get("id").asLong();
            first.api().get("/shutdown?wait=1");
            assertThat(first.awaitExit(EXIT_TIMEOUT)).isZero();
        }
        List<String> seeded = adminRows();

        try (ServerProcess second = ServerProcess.start(workDir, "--auth.adminPassword=another-password").awaitHealthy()) {
            ApiClient admin = second.api().login("admin", "admin123");
            ApiResult department = admin.get("/departments/" + departmentId);
            assertThat(department.data().get("name").asString()).isEqualTo("Payments");
            second.api().get("/shutdown?wait=1");
            second.awaitExit(EXIT_TIMEOUT);
        }
        assertThat(adminRows()).as("the bootstrap administrator is created once").hasSize(1).isEqualTo(seeded);
    }

    @Test
    void migratesABlankMariaDbSchemaAndServesHealth() throws Exception {
        String schema = MariaDb.freshSchema();
        try (ServerProcess server = ServerProcess.start(workDir, "--database.url=" + MariaDb.hostPort(),
                "--database.username=" + MariaDb.username(), "--database.password=" + MariaDb.password(),
                "--database.schema=" + schema).awaitHealthy()) {
            assertThat(server.api().get("/health").data().get("status").asString()).isEqualTo("up");
        }
        try (Connection connection = MariaDb.connect(schema); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE()")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1).toLowerCase());
            }
            assertThat(names).contains("department", "user", "role", "permission", "role_permission", "task");
        }
        assertThat(workDir.resolve("data/distributedjob.mv.db")).as("no embedded database on MariaDB").doesNotExist();
    }

    @Test
    void badValueInConfigYamlStopsTheServerWithOneLineNamingTheKey() throws Exception {
        Files.createDirectories(workDir.resolve("configs"));
        Files.writeString(workDir.resolve("configs/config.yaml"), "job:\n  workers: -2\n");
        try (ServerProcess server = ServerProcess.start(workDir)) {
            assertThat(server.awaitExit(EXIT_TIMEOUT)).isNotZero();
            assertThat(errorLines(server)).containsExactly(
                    "DistributedJob cannot start. Invalid configuration: job.workers = '-2': must be greater than or equal to 1");
        }
    }

    @Test
    void environmentVariableOverridesTheConfigFile() throws Exception {
        Files.createDirectories(workDir.resolve("configs"));
        Files.writeString(workDir.resolve("configs/config.yaml"), "log:\n  level: INFO\n");
        try (ServerProcess server = ServerProcess.start(workDir, Map.of("LOG_LEVEL", "NOISY"))) {
            assertThat(server.awaitExit(EXIT_TIMEOUT)).isNotZero();
            assertThat(errorLines(server)).singleElement().asString()
                    .contains("log.level = 'NOISY': must be one of");
        }
    }

    private static List<String> errorLines(ServerProcess server) {
        return server.stderr().lines().filter(line -> line.startsWith("DistributedJob cannot start.")).toList();
    }

    private List<String> adminRows() throws SQLException {
        String url = "jdbc:h2:file:" + workDir.resolve("data/distributedjob").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=USER,VALUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, username, password, create_time FROM user")) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(rows.getLong(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|" + rows.getString(4));
            }
            return result;
        }
    }
}
