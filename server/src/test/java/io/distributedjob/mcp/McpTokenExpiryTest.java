package io.distributedjob.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.MutableClock;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TestSettings;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/** An MCP connection whose access token expires is refused with the MCP authorization error, not served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpTokenExpiryTest implements ServerUnderTest {

    private static final Path DATA = Path.of("target", "test-data", "mcp-clock-" + UUID.randomUUID());
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final int ACCESS_MINUTES = 5;
    private static final int SKEW_SECONDS = 30;

    @TestBean
    private Clock clock;

    @LocalServerPort
    private int port;

    static Clock clock() {
        return CLOCK;
    }

    @DynamicPropertySource
    static void shortAccessTokens(DynamicPropertyRegistry registry) {
        TestSettings.common(registry);
        registry.add("database.url", () -> "");
        registry.add("database.embeddedPath", () -> DATA.toAbsolutePath().toString());
        registry.add("auth.accessTokenMinutes", () -> ACCESS_MINUTES);
        registry.add("auth.clockSkewSeconds", () -> SKEW_SECONDS);
    }

    @Override
    public ApiClient api() {
        return ApiClient.onPort(port);
    }

    @Test
    void anExpiredTokenGetsTheInvalidTokenChallenge() {
        try (McpTestClient mcp = McpTestClient.connect(admin())) {
            assertThat(mcp.call("list_tasks", Map.of()).error()).isFalse();

            CLOCK.advance(Duration.ofMinutes(ACCESS_MINUTES).plusSeconds(SKEW_SECONDS + 1));

            Throwable thrown = catchThrowable(() -> mcp.call("list_tasks", Map.of()));
            while (thrown != null && !(thrown instanceof McpHttpClientTransportAuthorizationException)) {
                thrown = thrown.getCause();
            }
            assertThat(thrown).isInstanceOfSatisfying(McpHttpClientTransportAuthorizationException.class, e -> {
                assertThat(e.getResponseInfo().statusCode()).isEqualTo(401);
                List<String> challenge = e.getResponseInfo().headers().allValues("WWW-Authenticate");
                assertThat(challenge).singleElement().asString()
                        .startsWith("Bearer realm=\"DistributedJob\", error=\"invalid_token\"")
                        .contains("expired");
            });
        }
    }
}
