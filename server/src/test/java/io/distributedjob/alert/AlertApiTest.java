package io.distributedjob.alert;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link AlertApiSuite} on every database. */
class AlertApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements AlertApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements AlertApiSuite {
    }
}
