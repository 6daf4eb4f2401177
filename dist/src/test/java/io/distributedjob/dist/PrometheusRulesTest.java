package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * configs/prometheus as Prometheus reads it: promtool accepts the scrape configuration and the alert rules, and
 * the rules' unit tests (rules.test.yml) see each alert fire on its situation and stay silent otherwise.
 */
class PrometheusRulesTest {

    private final Path dir = Repository.path("configs/prometheus");

    @Test
    void promtoolAcceptsTheConfiguration() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        assertThat(promtool("check", "rules", "rules.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresOnItsSituation() throws Exception {
        assertThat(promtool("test", "rules", "rules.test.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTest() throws Exception {
        String tests = Files.readString(dir.resolve("rules.test.yml"));
        List<String> alerts = Files.readAllLines(dir.resolve("rules.yml")).stream().map(String::strip)
                .filter(line -> line.startsWith("- alert: ")).map(line -> line.substring("- alert: ".length()))
                .toList();

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(alert -> assertThat(tests).contains("alertname: " + alert));
    }

    private String promtool(String... args) throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian package prometheus; .ci/setup installs it)");
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean onPath(String command) {
        List<String> path = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(":"));
        return path.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
