package io.distributedjob.role;

import io.distributedjob.support.H2ServerTest;

class RoleApiH2Test extends H2ServerTest implements RoleApiSuite {
}
