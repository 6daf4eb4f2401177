package io.distributedjob.auth;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** {@link AuthApiSuite} on every database. */
class AuthApiTest {

    @Nested
    class OnH2 extends H2ServerTest implements AuthApiSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements AuthApiSuite {
    }
}
