package io.distributedjob.alert;

import io.distributedjob.support.MariaDbServerTest;

class AlertApiMariaDbTest extends MariaDbServerTest implements AlertApiSuite {
}
