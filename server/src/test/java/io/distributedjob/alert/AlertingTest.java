package io.distributedjob.alert;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link AlertingSuite} on every database. */
class AlertingTest {

    @Nested
    class OnH2 extends H2ServerTest implements AlertingSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements AlertingSuite {
    }
}
