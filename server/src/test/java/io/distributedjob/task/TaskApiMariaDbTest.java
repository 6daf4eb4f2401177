package io.distributedjob.task;

import io.distributedjob.support.MariaDbServerTest;

class TaskApiMariaDbTest extends MariaDbServerTest implements TaskApiSuite {
}
