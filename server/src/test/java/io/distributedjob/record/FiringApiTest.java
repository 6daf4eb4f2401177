package io.distributedjob.record;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link FiringApiSuite} on every database. */
class FiringApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements FiringApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements FiringApiSuite {
    }
}
