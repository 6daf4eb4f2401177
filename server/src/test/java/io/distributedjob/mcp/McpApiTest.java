package io.distributedjob.mcp;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link McpApiSuite} on every database. */
class McpApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements McpApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements McpApiSuite {
    }
}
