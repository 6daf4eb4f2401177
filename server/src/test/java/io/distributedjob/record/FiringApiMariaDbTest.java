package io.distributedjob.record;

import io.distributedjob.support.MariaDbServerTest;

class FiringApiMariaDbTest extends MariaDbServerTest implements FiringApiSuite {
}
