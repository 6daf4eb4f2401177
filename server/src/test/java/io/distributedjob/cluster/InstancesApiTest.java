package io.distributedjob.cluster;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link InstancesApiSuite} on every database. */
class InstancesApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements InstancesApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements InstancesApiSuite {
    }
}
