package io.distributedjob.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The built server, started with a weak JWT secret, stops with one readable line naming auth.jwtSecret. */
class JwtSecretStartupIT {

    private static final long START_TIMEOUT_SECONDS = 120;

    @Test
    void theSampleSecretStopsTheServerWithOneLine() throws Exception {
        Result result = start("your-secret-key");

        assertThat(result.exitCode()).isNotZero();
        List<String> lines = result.stderr().lines().filter(line -> line.contains("auth.jwtSecret")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("DistributedJob cannot start. Invalid configuration: auth.jwtSecret");
        assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aShortSecretStopsTheServerWithOneLineThatDoesNotRepeatIt() throws Exception {
        Result result = start("short-but-secret");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("Invalid configuration: auth.jwtSecret is 16 bytes long")
                .doesNotContain("short-but-secret");
    }

    private static Result start(String secret) throws IOException, InterruptedException {
        Path data = Path.of("target", "test-data", "it-secret-" + UUID.randomUUID()).toAbsolutePath();
        Path stderr = Files.createTempFile("dj-stderr", ".txt");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", System.getProperty("dj.server.jar"),
                "--auth.jwtSecret=" + secret, "--server.port=0", "--rpc.port=0",
                "--database.embeddedPath=" + data, "--log.path=target/test-logs")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        try {
            assertThat(process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the server stops by itself").isTrue();
            return new Result(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    private record Result(int exitCode, String stderr) {
    }
}
