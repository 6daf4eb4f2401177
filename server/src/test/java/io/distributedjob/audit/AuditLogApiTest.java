package io.distributedjob.audit;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link AuditLogApiSuite} on every database. */
class AuditLogApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements AuditLogApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements AuditLogApiSuite {
    }
}
