package io.distributedjob.task;

import io.distributedjob.support.H2ServerTest;

class TaskFleetH2Test extends H2ServerTest implements TaskFleetSuite {
}
