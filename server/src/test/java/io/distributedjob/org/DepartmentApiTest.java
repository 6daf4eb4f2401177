package io.distributedjob.org;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link DepartmentApiSuite} on every database. */
class DepartmentApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements DepartmentApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements DepartmentApiSuite {
    }
}
