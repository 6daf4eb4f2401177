package io.distributedjob.role;

import io.distributedjob.support.MariaDbServerTest;

class RoleApiMariaDbTest extends MariaDbServerTest implements RoleApiSuite {
}
