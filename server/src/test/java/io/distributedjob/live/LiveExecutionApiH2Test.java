package io.distributedjob.live;

import io.distributedjob.support.H2ServerTest;

class LiveExecutionApiH2Test extends H2ServerTest implements LiveExecutionApiSuite {
}
