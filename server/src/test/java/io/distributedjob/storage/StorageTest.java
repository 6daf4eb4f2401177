package io.distributedjob.storage;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link StorageSuite} on every database. */
class StorageTest {

    @Nested
    class OnH2 extends H2ServerTest implements StorageSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements StorageSuite {
    }
}
