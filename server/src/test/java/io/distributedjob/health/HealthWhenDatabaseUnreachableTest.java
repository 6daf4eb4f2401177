package io.distributedjob.health;

import io.distributedjob.support.Needs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.TcpProxy;
import io.distributedjob.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Health follows the real database: down (503) while MariaDB cannot be reached, up again once it can. */
@Needs(TestService.MARIADB)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rpc.port=0", "log.path=target/test-logs"})
class HealthWhenDatabaseUnreachableTest {

    private static final TcpProxy PROXY = proxyToMariaDb();
    private static final String SCHEMA = MariaDb.freshSchema();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void throughProxy(DynamicPropertyRegistry registry) {
        registry.add("database.url", () -> "127.0.0.1:" + PROXY.port());
        registry.add("database.username", MariaDb::username);
        registry.add("database.password", MariaDb::password);
        registry.add("database.schema", () -> SCHEMA);
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void reportsDownWhileTheDatabaseIsUnreachable() throws IOException {
        ApiClient api = ApiClient.onPort(port);
        assertThat(api.get("/health").data().get("status").asString()).isEqualTo("up");

        PROXY.cut();
        ApiResult down = api.get("/health");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo(5000);
        assertThat(down.data().get("status").asString()).isEqualTo("down");

        PROXY.restore();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/health").status()).isEqualTo(200));
    }

    private static TcpProxy proxyToMariaDb() {
        String[] hostPort = MariaDb.hostPort().split(":");
        try {
            return new TcpProxy(hostPort[0], Integer.parseInt(hostPort[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
