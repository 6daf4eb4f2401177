package io.distributedjob.user;

import io.distributedjob.support.H2ServerTest;

class UserApiH2Test extends H2ServerTest implements UserApiSuite {
}
