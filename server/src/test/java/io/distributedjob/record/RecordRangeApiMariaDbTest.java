package io.distributedjob.record;

import io.distributedjob.support.MariaDbServerTest;

class RecordRangeApiMariaDbTest extends MariaDbServerTest implements RecordRangeApiSuite {
}
