package io.distributedjob.record;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link RecordRangeApiSuite} on every database. */
class RecordRangeApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements RecordRangeApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements RecordRangeApiSuite {
    }
}
