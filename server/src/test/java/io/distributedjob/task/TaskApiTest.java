package io.distributedjob.task;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link TaskApiSuite} on every database. */
class TaskApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements TaskApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements TaskApiSuite {
    }
}
