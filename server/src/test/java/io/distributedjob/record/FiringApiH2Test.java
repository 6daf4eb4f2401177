package io.distributedjob.record;

import io.distributedjob.support.H2ServerTest;

class FiringApiH2Test extends H2ServerTest implements FiringApiSuite {
}
