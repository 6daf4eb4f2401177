package io.distributedjob.user;

import io.distributedjob.support.MariaDbServerTest;

class UserApiMariaDbTest extends MariaDbServerTest implements UserApiSuite {
}
