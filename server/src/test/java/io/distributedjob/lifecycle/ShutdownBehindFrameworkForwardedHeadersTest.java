package io.distributedjob.lifecycle;

import org.springframework.test.context.TestPropertySource;

/** The same refusals with Spring Boot's framework forwarded-header support on, which rewrites what a request says. */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ShutdownBehindFrameworkForwardedHeadersTest extends ShutdownEndpointTest {
}
