package io.distributedjob.rpc;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import org.junit.jupiter.api.Nested;

/** The gRPC API, service by service, on every database: one Spring context per database serves them all. */
class RpcApiTest {

    @Nested
    class AuthOnH2 extends H2ServerTest implements RpcAuthSuite {
    }

    @Nested
    class SchedulerOnH2 extends H2ServerTest implements RpcSchedulerSuite {
    }

    @Nested
    class DataOnH2 extends H2ServerTest implements RpcDataSuite {
    }

    @Nested
    class ModelContextOnH2 extends H2ServerTest implements RpcModelContextSuite {
    }

    @Nested
    class AuthOnMariaDb extends MariaDbServerTest implements RpcAuthSuite {
    }

    @Nested
    class SchedulerOnMariaDb extends MariaDbServerTest implements RpcSchedulerSuite {
    }

    @Nested
    class DataOnMariaDb extends MariaDbServerTest implements RpcDataSuite {
    }

    @Nested
    class ModelContextOnMariaDb extends MariaDbServerTest implements RpcModelContextSuite {
    }
}
