package io.distributedjob.task;

import io.distributedjob.support.MariaDbServerTest;

class TaskFleetMariaDbTest extends MariaDbServerTest implements TaskFleetSuite {
}
