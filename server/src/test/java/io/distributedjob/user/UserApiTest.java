package io.distributedjob.user;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link UserApiSuite} on every database. */
class UserApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements UserApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements UserApiSuite {
    }
}
