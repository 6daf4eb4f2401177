package io.distributedjob.support;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole server on a random port over the machine's real MariaDB, in a fresh schema
 * created for this test JVM.
 */
@Needs(TestService.MARIADB)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MariaDbServerTest extends ServerTest {

    private static final String SCHEMA = MariaDb.freshSchema();
    private static final Path DATA = Path.of("target", "test-data", "mariadb-" + SCHEMA);

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        TestSettings.common(registry);
        registry.add("database.url", MariaDb::hostPort);
        registry.add("database.username", MariaDb::username);
        registry.add("database.password", MariaDb::password);
        registry.add("database.schema", () -> SCHEMA);
        // the generated JWT secret is kept in the data directory even when the database is not embedded
        registry.add("database.embeddedPath", () -> DATA.toAbsolutePath().toString());
    }

    public static String schema() {
        return SCHEMA;
    }
}
