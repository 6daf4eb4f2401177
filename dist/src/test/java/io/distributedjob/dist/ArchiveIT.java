package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release archive unpacked into a fresh folder runs with that folder as its home. */
class ArchiveIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path unpackInto;

    @TempDir
    Path elsewhere;

    @Test
    void unpackedArchiveServesHealthConsoleAndLoginAndShutsDownGracefully() throws Exception {
        UnpackedArchive archive = UnpackedArchive.unpack(unpackInto);
        assertThat(archive.home().resolve("lib/distributedjob.jar")).isRegularFile();
        assertThat(archive.home().resolve("configs/config.yaml")).isRegularFile();
        assertThat(archive.home().resolve("scripts/init-db/init.sql")).isRegularFile();
        assertThat(archive.home().resolve("deploy/systemd/distributedjob.service")).isRegularFile();
        assertThat(archive.home().resolve("INSTALL")).isRegularFile();
        assertThat(Files.isExecutable(archive.home().resolve("bin/distributedjob"))).isTrue();

        try (UnpackedArchive.Server server = archive.start(elsewhere).awaitHealthy()) {
            HttpResponse<String> health = server.get("/v1/health", null);
            assertThat((String) JsonPath.read(health.body(), "$.data.status")).isEqualTo("up");

            HttpResponse<String> console = server.get("/v1/web/", null);
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("<div id=\"app\"></div>");

            String token = server.login("admin", "admin123");
            HttpResponse<String> userinfo = server.get("/v1/auth/userinfo", token);
            assertThat((String) JsonPath.read(userinfo.body(), "$.data.username")).isEqualTo("admin");

            HttpResponse<String> shutdown = server.get("/v1/shutdown?wait=2", null);
            assertThat((int) JsonPath.read(shutdown.body(), "$.code")).isZero();
            assertThat(server.awaitExit(EXIT_TIMEOUT)).isZero();
        }

        assertThat(archive.home().resolve("log/app.log")).content().contains("POST /v1/auth/login 200");
        try (var data = Files.list(archive.home().resolve("data"))) {
            assertThat(data.toList()).as("embedded database in the home").isNotEmpty();
        }
        assertThat(elsewhere.resolve("data")).as("nothing in the current directory").doesNotExist();
        assertThat(elsewhere.resolve("log")).doesNotExist();
    }

    @Test
    void launcherPassesOverAJavaOlderThan21(@TempDir Path oldJava) throws Exception {
        UnpackedArchive archive = UnpackedArchive.unpack(unpackInto);
        Path fakeJava = oldJava.resolve("bin/java");
        Files.createDirectories(fakeJava.getParent());
        Files.writeString(fakeJava, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        fakeJava.toFile().setExecutable(true);

        // -version makes the chosen JVM print its properties and exit before it would start the server.
        ProcessBuilder launcher = new ProcessBuilder(archive.home().resolve("bin/distributedjob").toString())
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        launcher.environment().put("JAVA_HOME", oldJava.toString());
        launcher.environment().put("PATH", oldJava.resolve("bin") + ":" + System.getenv("PATH"));
        launcher.environment().put("JAVA_OPTS", "-XshowSettings:properties -version");
        Process process = launcher.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain("version = 17");
        int chosen = Integer.parseInt(output.replaceAll("(?s).*java\\.specification\\.version = (\\d+).*", "$1"));
        assertThat(chosen).isGreaterThanOrEqualTo(21);
    }

    @Test
    void zipHoldsTheSameFilesAsTheTarWithWindowsLineEndsForTheCmdLauncher() throws Exception {
        UnpackedArchive archive = UnpackedArchive.unpack(unpackInto);
        List<String> unpacked;
        try (var files = Files.walk(archive.home())) {
            unpacked = files.filter(Files::isRegularFile).map(file -> archive.home().relativize(file).toString())
                    .sorted().toList();
        }
        String base = UnpackedArchive.property("dj.archive.name") + "/";
        try (ZipFile zip = new ZipFile(UnpackedArchive.property("dj.archive.zip"))) {
            List<String> zipped = Collections.list(zip.entries()).stream().filter(entry -> !entry.isDirectory())
                    .map(entry -> entry.getName().substring(base.length())).sorted().toList();
            assertThat(zipped).isEqualTo(unpacked);
            String cmd = new String(zip.getInputStream(zip.getEntry(base + "bin/distributedjob.cmd")).readAllBytes());
            assertThat(cmd).contains("\r\n");
            assertThat(cmd.replace("\r\n", "")).as("no bare line feed").doesNotContain("\n");
        }
        assertThat(Files.readString(archive.home().resolve("bin/distributedjob"))).startsWith("#!/usr/bin/env bash\n")
                .doesNotContain("\r");
    }
}
