package io.distributedjob.auth;

import io.distributedjob.support.H2ServerTest;

class AuthApiH2Test extends H2ServerTest implements AuthApiSuite {
}
