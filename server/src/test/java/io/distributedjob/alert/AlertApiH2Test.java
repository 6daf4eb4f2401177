package io.distributedjob.alert;

import io.distributedjob.support.H2ServerTest;

class AlertApiH2Test extends H2ServerTest implements AlertApiSuite {
}
