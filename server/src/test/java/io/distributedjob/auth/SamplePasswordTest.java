package io.distributedjob.auth;

import static io.distributedjob.support.ApiClient.json;
import static io.distributedjob.support.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import io.distributedjob.config.AuthSettings;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A fresh installation with the published sample password, as the quick start has it: the administrator signs in
 * from the server's own host only, and is told to change the password first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SamplePasswordTest {

    private static final Path DATA = Path.of("target", "test-data", "sample-" + UUID.randomUUID());
    private static final String SAMPLE = AuthSettings.SAMPLE_ADMIN_PASSWORD;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void defaultAdministrator(DynamicPropertyRegistry registry) {
        registry.add("rpc.port", () -> "0");
        registry.add("log.path", () -> "target/test-logs");
        registry.add("database.url", () -> "");
        registry.add("database.embeddedPath", () -> DATA.toAbsolutePath().toString());
        registry.add("auth.login.maxFailuresPerClient", () -> "100000");
        registry.add("auth.login.maxFailuresPerUser", () -> "1000");
    }

    @Test
    void onTheServersHostTheSamplePasswordSignsInAndSaysItMustChange() {
        ApiResult login = api().post("/auth/login", json("username", "admin", "password", SAMPLE));

        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        assertThat(login.data().get("passwordChangeRequired").asBoolean()).isTrue();
        ApiClient session = api().withToken(login.data().get("token").asString());
        assertThat(session.get("/auth/userinfo").data().get("passwordChangeRequired").asBoolean()).isTrue();
        ApiResult refreshed = api().post("/auth/refresh", json("refreshToken", login.data().get("refreshToken").asString()));
        assertThat(api().withToken(refreshed.data().get("token").asString()).get("/auth/userinfo").data()
                .get("passwordChangeRequired").asBoolean()).as("the refreshed session still says so").isTrue();
    }

    @Test
    void throughAnyProxyTheSamplePasswordIsRefused() {
        String body = "{\"username\":\"admin\",\"password\":\"" + SAMPLE + "\"}";
        for (String[] header : new String[][] {{"X-Forwarded-For", "127.0.0.1"}, {"Forwarded", "for=127.0.0.1"},
                {"X-Real-IP", "127.0.0.1"}, {"X-Forwarded-Host", "localhost"}}) {
            HttpResponse<String> login = send(port, "POST", "/v1/auth/login", body, header[0], header[1]);

            assertThat(login.statusCode()).as(header[0]).isEqualTo(403);
            JsonNode envelope = ApiClient.mapper().readTree(login.body());
            assertThat(envelope.get("code").asInt()).isEqualTo(4003);
            assertThat(envelope.get("message").asString()).contains("sample password").contains("server's own host");
            assertThat(login.body()).doesNotContain("\"token\"");
        }
    }

    @Test
    void onceChangedTheAccountSignsInFromAnywhereWithoutTheRequirement() {
        ApiClient admin = api().login("admin", SAMPLE);
        long role = admin.get("/auth/userinfo").data().get("roleId").asLong();
        long department = admin.get("/auth/userinfo").data().get("departmentId").asLong();
        String username = OrgFixture.unique("sample");
        long id = admin.post("/users", json("username", username, "password", SAMPLE, "realName", "sample",
                "departmentId", department, "roleId", role)).data().get("id").asLong();
        ApiClient own = api().login(username, SAMPLE);

        assertThat(own.patch("/users/" + id + "/password", json("oldPassword", SAMPLE, "newPassword", "no-longer-the-sample"))
                .status()).isEqualTo(200);

        HttpResponse<String> proxied = send(port, "POST", "/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"no-longer-the-sample\"}", "X-Forwarded-For", "127.0.0.1");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(ApiClient.mapper().readTree(proxied.body()).get("data").get("passwordChangeRequired").asBoolean()).isFalse();
    }

    private ApiClient api() {
        return ApiClient.onPort(port);
    }
}
