package io.distributedjob.support;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole server on a random port over the embedded H2 database (one database per
 * test JVM, shared by the test classes that reuse this Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class H2ServerTest extends ServerTest {

    private static final Path DATA = Path.of("target", "test-data", "h2-" + UUID.randomUUID());

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        TestSettings.common(registry);
        registry.add("database.url", () -> "");
        registry.add("database.embeddedPath", () -> DATA.toAbsolutePath().toString());
    }
}
