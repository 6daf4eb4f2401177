package io.distributedjob.auth;

import io.distributedjob.support.MariaDbServerTest;

class AuthApiMariaDbTest extends MariaDbServerTest implements AuthApiSuite {
}
