package io.distributedjob.auth;

import static io.distributedjob.support.RawHttp.cookiePair;
import static io.distributedjob.support.RawHttp.send;
import static io.distributedjob.support.RawHttp.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The console's refresh token: an HttpOnly, SameSite=Strict cookie under /v1/auth that login sets and logout clears. */
class RefreshCookieH2Test extends H2ServerTest {

    private static final String LOGIN = "{\"username\":\"" + TestSettings.ADMIN_USERNAME + "\",\"password\":\""
            + TestSettings.ADMIN_PASSWORD + "\"}";

    @LocalServerPort
    private int port;

    @Test
    void loginSetsTheRefreshCookieOnlyForTheAuthPathsAndOutOfReachOfScripts() {
        HttpResponse<String> login = send(port, "POST", "/v1/auth/login", LOGIN);

        String cookie = setCookie(login, RefreshCookie.NAME);
        assertThat(cookie).isNotNull().contains("; Path=/v1/auth").contains("; HttpOnly").contains("; SameSite=Strict")
                .doesNotContain("Secure");
        assertThat(maxAgeSeconds(cookie)).as("as long as the refresh token").isBetween(86_400L - 5, 86_400L);
        assertThat(cookiePair(cookie)).isEqualTo(RefreshCookie.NAME + "=" + body(login).get("refreshToken").asString());
    }

    @Test
    void theCookieAloneRefreshesAndRotatesAndAUsedOneEndsTheSession() {
        String first = cookiePair(setCookie(send(port, "POST", "/v1/auth/login", LOGIN), RefreshCookie.NAME));

        HttpResponse<String> refreshed = send(port, "POST", "/v1/auth/refresh", null, "Cookie", first);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String second = cookiePair(setCookie(refreshed, RefreshCookie.NAME));
        assertThat(second).isNotEqualTo(first);
        String access = body(refreshed).get("token").asString();
        assertThat(api().withToken(access).get("/auth/userinfo").status()).isEqualTo(200);

        assertThat(send(port, "POST", "/v1/auth/refresh", null, "Cookie", first).statusCode()).isEqualTo(401);
        assertThat(send(port, "POST", "/v1/auth/refresh", null, "Cookie", second).statusCode()).isEqualTo(401);
        assertThat(api().withToken(access).get("/auth/userinfo").status()).isEqualTo(401);
    }

    @Test
    void logoutClearsTheCookieAndEndsItsSession() {
        HttpResponse<String> login = send(port, "POST", "/v1/auth/login", LOGIN);
        String cookie = cookiePair(setCookie(login, RefreshCookie.NAME));

        HttpResponse<String> logout = send(port, "POST", "/v1/auth/logout", "{}", "Cookie", cookie,
                "Authorization", "Bearer " + body(login).get("token").asString());

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(setCookie(logout, RefreshCookie.NAME)).startsWith(RefreshCookie.NAME + "=;")
                .contains("Max-Age=0").contains("Path=/v1/auth");
        assertThat(send(port, "POST", "/v1/auth/refresh", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutBodyHeaderOrCookieRefreshIsRefused() {
        HttpResponse<String> refresh = send(port, "POST", "/v1/auth/refresh", null);

        assertThat(refresh.statusCode()).isEqualTo(401);
        assertThat(ApiClient.mapper().readTree(refresh.body()).get("code").asInt()).isEqualTo(4010);
    }

    private static long maxAgeSeconds(String setCookie) {
        Matcher maxAge = Pattern.compile("; Max-Age=(\\d+)").matcher(setCookie);
        assertThat(maxAge.find()).as(setCookie).isTrue();
        return Long.parseLong(maxAge.group(1));
    }

    private static JsonNode body(HttpResponse<String> response) {
        return ApiClient.mapper().readTree(response.body()).get("data");
    }
}
