package io.distributedjob.role;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link RoleApiSuite} on every database. */
class RoleApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements RoleApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements RoleApiSuite {
    }
}
