package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/systemd/distributedjob.service: its own user, the archive's folder as home, a stop that drains. */
class SystemdUnitTest {

    private static final String INSTALL_DIR = "/opt/distributedjob";

    private final Path unit = Repository.path("deploy/systemd/distributedjob.service");

    @Test
    void runsTheLauncherAsItsOwnUserAndStopsThroughTheDrain() throws Exception {
        Map<String, String> service = section("Service");

        assertThat(service.get("User")).isNotBlank().isNotEqualTo("root");
        assertThat(service.get("WorkingDirectory")).isEqualTo(INSTALL_DIR);
        assertThat(service.get("ExecStart")).isEqualTo(INSTALL_DIR + "/bin/distributedjob");
        assertThat(service.get("Restart")).isEqualTo("on-failure");
        assertThat(service.get("KillSignal")).isEqualTo("SIGTERM");
        assertThat(StopTimeout.parse(service.get("TimeoutStopSec"))).isGreaterThan(StopTimeout.ofServer());
        assertThat(service.get("SuccessExitStatus")).as("the JVM's exit after SIGTERM is a clean stop").contains("143");
        assertThat(service.get("ReadWritePaths").split(" ")).containsExactlyInAnyOrder(INSTALL_DIR + "/data", INSTALL_DIR + "/log");
        assertThat(section("Install").get("WantedBy")).isEqualTo("multi-user.target");
    }

    @Test
    void systemdAcceptsTheUnitAsInstalled(@TempDir Path units) throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        // The unit as it would be installed, with the source tree (which has bin/distributedjob) as its folder.
        String installed = Files.readString(unit).replace(INSTALL_DIR, Repository.path(".").toString());
        Path copy = Files.writeString(units.resolve("distributedjob.service"), installed);

        Process verify = new ProcessBuilder("systemd-analyze", "verify", "--man=no", copy.toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("systemd-analyze verify warns of nothing").isBlank();
    }

    private Map<String, String> section(String name) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(unit)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                current = trimmed.substring(1, trimmed.length() - 1);
            } else if (name.equals(current)) {
                int equals = trimmed.indexOf('=');
                entries.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
        }
        assertThat(entries).as("section [" + name + "]").isNotEmpty();
        return entries;
    }

    private static boolean onPath(String command) {
        List<String> path = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(":"));
        return path.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
