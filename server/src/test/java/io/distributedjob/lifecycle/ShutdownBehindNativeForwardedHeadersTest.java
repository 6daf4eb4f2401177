package io.distributedjob.lifecycle;

import org.springframework.test.context.TestPropertySource;

/** The same refusals with Spring Boot's native forwarded-header support on, which rewrites what a request says. */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ShutdownBehindNativeForwardedHeadersTest extends ShutdownEndpointTest {
}
