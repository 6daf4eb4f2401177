package io.distributedjob.web;

import static io.distributedjob.support.RawHttp.send;
import static io.distributedjob.support.RawHttp.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A server behind a reverse proxy on 127.0.0.1 that it trusts, with one origin allowed cross-origin access: the
 * client is the address the proxy names, HTTPS at the proxy counts as HTTPS, and only the allowed origin gets CORS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindTrustedProxyTest implements ServerUnderTest {

    private static final Path DATA = Path.of("target", "test-data", "proxy-" + UUID.randomUUID());
    private static final String ALLOWED_ORIGIN = "https://console.example.test";
    private static final int MAX_PER_CLIENT = 3;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void behindAProxy(DynamicPropertyRegistry registry) {
        TestSettings.common(registry);
        registry.add("database.url", () -> "");
        registry.add("database.embeddedPath", () -> DATA.toAbsolutePath().toString());
        registry.add("server.trustedProxies", () -> "127.0.0.1/32,::1/128");
        registry.add("server.cors.allowedOrigins", () -> ALLOWED_ORIGIN);
        registry.add("auth.login.maxFailuresPerClient", () -> MAX_PER_CLIENT);
    }

    @Override
    public ApiClient api() {
        return ApiClient.onPort(port);
    }

    @Test
    void theClientIsTheNearestAddressThatIsNoTrustedProxy() {
        assertThat(loginAddressRecorded("X-Forwarded-For", "198.51.100.1, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(loginAddressRecorded("X-Forwarded-For", "203.0.113.10, 127.0.0.1")).isEqualTo("203.0.113.10");
        assertThat(loginAddressRecorded("Forwarded", "for=198.51.100.2;proto=https, for=\"[2001:db8::7]:4711\""))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(loginAddressRecorded("X-Forwarded-For", "not-an-address")).isEqualTo("127.0.0.1");
    }

    @Test
    void failuresOfOneClientBehindTheProxyDoNotLockOutAnother() {
        for (int i = 0; i < MAX_PER_CLIENT; i++) {
            assertThat(wrongLogin("203.0.113.20").statusCode()).isEqualTo(401);
        }

        assertThat(wrongLogin("203.0.113.20").statusCode()).isEqualTo(429);
        HttpResponse<String> other = send(port, "POST", "/v1/auth/login", adminLogin(), "X-Forwarded-For", "203.0.113.21");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    @Test
    void httpsAtTheProxyBringsHstsAndASecureRefreshCookie() {
        HttpResponse<String> login = send(port, "POST", "/v1/auth/login", adminLogin(), "X-Forwarded-For", "203.0.113.30",
                "X-Forwarded-Proto", "https");
        HttpResponse<String> plain = send(port, "GET", "/v1/health", null, "X-Forwarded-For", "203.0.113.30");

        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age="));
        assertThat(setCookie(login, "dj_refresh")).contains("; Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theAllowedOriginGetsCorsWithCredentialsAndNoOtherDoes() {
        HttpResponse<String> preflight = send(port, "OPTIONS", "/v1/tasks", null, "Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "authorization,content-type");
        HttpResponse<String> actual = send(port, "GET", "/v1/health", null, "Origin", ALLOWED_ORIGIN);
        HttpResponse<String> otherPreflight = send(port, "OPTIONS", "/v1/tasks", null, "Origin", "https://evil.example.test",
                "Access-Control-Request-Method", "GET");
        HttpResponse<String> other = send(port, "GET", "/v1/health", null, "Origin", "https://evil.example.test");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET", "POST", "PUT", "PATCH", "DELETE"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("Authorization", "Content-Type"));
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(actual.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
        assertThat(otherPreflight.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private String loginAddressRecorded(String header, String value) {
        String nobody = OrgFixture.unique("forwarded");
        send(port, "POST", "/v1/auth/login", "{\"username\":\"" + nobody + "\",\"password\":\"whatever-password\"}",
                header, value);
        JsonNode entries = admin().get("/audit-logs?actor=" + nobody).data().get("list");
        assertThat(entries).hasSize(1);
        return entries.get(0).get("clientAddress").asString();
    }

    private HttpResponse<String> wrongLogin(String client) {
        return send(port, "POST", "/v1/auth/login", "{\"username\":\"" + OrgFixture.unique("spray")
                + "\",\"password\":\"wrong-password\"}", "X-Forwarded-For", client);
    }

    private static String adminLogin() {
        return "{\"username\":\"" + TestSettings.ADMIN_USERNAME + "\",\"password\":\"" + TestSettings.ADMIN_PASSWORD + "\"}";
    }
}
