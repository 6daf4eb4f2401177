package io.distributedjob.record;

import io.distributedjob.support.H2ServerTest;

class RecordRangeApiH2Test extends H2ServerTest implements RecordRangeApiSuite {
}
