package io.distributedjob.live;

import io.distributedjob.support.MariaDbServerTest;

class LiveExecutionApiMariaDbTest extends MariaDbServerTest implements LiveExecutionApiSuite {
}
