package io.distributedjob.web;

import static io.distributedjob.support.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With the default settings: security headers on every answer, no cross-origin access, and forwarding headers
 * ignored, since no proxy is trusted.
 */
class BrowserPolicyH2Test extends H2ServerTest {

    @LocalServerPort
    private int port;

    @Test
    void everyAnswerCarriesTheSecurityHeadersButNoHstsOverPlainHttp() {
        for (String path : new String[] {"/v1/health", "/v1/web/", "/v1/tasks", "/v1/no-such-route", "/v1/web/assets/missing.js"}) {
            HttpResponse<String> response = send(port, "GET", path, null);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'")
                            .contains("script-src 'self'").contains("default-src 'self'").doesNotContain("unsafe-eval"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void withoutAllowedOriginsThereAreNoCorsHeadersAndPreflightsAreRefused() {
        HttpResponse<String> preflight = send(port, "OPTIONS", "/v1/tasks", null, "Origin", "http://elsewhere.test",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        HttpResponse<String> simple = send(port, "GET", "/v1/health", null, "Origin", "http://elsewhere.test");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(ApiClient.mapper().readTree(preflight.body()).get("code").asInt()).isEqualTo(4003);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(simple.statusCode()).as("answered, but not readable by the other origin's page").isEqualTo(200);
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(simple.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerDoNotChangeTheClientAddress() {
        String nobody = OrgFixture.unique("spoofer");
        send(port, "POST", "/v1/auth/login", "{\"username\":\"" + nobody + "\",\"password\":\"whatever-password\"}",
                "X-Forwarded-For", "203.0.113.77", "Forwarded", "for=203.0.113.78");

        JsonNode entries = admin().get("/audit-logs?actor=" + nobody).data().get("list");
        assertThat(entries.valueStream().map(entry -> entry.get("clientAddress").asString())).containsExactly("127.0.0.1");
    }
}
