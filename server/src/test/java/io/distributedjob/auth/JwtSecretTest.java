package io.distributedjob.auth;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.distributedjob.support.ServerInstance;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Where the signing secret comes from, and which secrets are refused at start-up. */
class JwtSecretTest {

    @Test
    void withoutAConfiguredSecretOneIsGeneratedKeptAndReusedAfterARestart() throws Exception {
        Path data = Path.of("target", "test-data", "secret-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, Object> settings = Map.of("database.url", "", "database.embeddedPath", data.toString(),
                "auth.jwtSecret", "");
        String token;
        try (ServerInstance server = ServerInstance.start(settings)) {
            token = server.api().post("/auth/login", json("username", TestSettings.ADMIN_USERNAME,
                    "password", TestSettings.ADMIN_PASSWORD)).data().get("token").asString();
        }
        Path secret = data.resolve("jwt-secret");
        assertThat(secret).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(secret, StandardCharsets.US_ASCII).strip()))
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(secret))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        try (ServerInstance restarted = ServerInstance.start(settings)) {
            assertThat(restarted.api().withToken(token).get("/auth/userinfo").status()).isEqualTo(200);
        }
    }

    @Test
    void theSpecsSampleSecretIsRefused() {
        FailureAnalysis analysis = startWithSecret("your-secret-key");

        assertThat(analysis.getDescription()).startsWith("Invalid configuration: auth.jwtSecret")
                .contains("sample").doesNotContain("\n");
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        FailureAnalysis analysis = startWithSecret("0123456789abcdef0123456789abcde");

        assertThat(analysis.getDescription()).startsWith("Invalid configuration: auth.jwtSecret")
                .contains("31 bytes").doesNotContain("0123456789").doesNotContain("\n");
    }

    private static FailureAnalysis startWithSecret(String secret) {
        Path data = Path.of("target", "test-data", "bad-secret-" + UUID.randomUUID()).toAbsolutePath();
        Throwable failure = catchThrowable(() -> ServerInstance.run(Map.of("database.url", "",
                "database.embeddedPath", data.toString(), "auth.jwtSecret", secret)));
        FailureAnalysis analysis = new AuthConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysed as an auth setting: " + failure).isNotNull();
        return analysis;
    }
}
