package io.distributedjob.task;

import io.distributedjob.support.H2ServerTest;

class TaskApiH2Test extends H2ServerTest implements TaskApiSuite {
}
