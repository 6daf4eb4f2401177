package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/grafana: the compose Grafana loads the dashboard through the provisioned provider, every panel queries
 * the provisioned Prometheus, and the dashboard shows each of the scheduler's series.
 */
class GrafanaDashboardTest {

    /** Where docker-compose.yml mounts deploy/grafana/provisioning in the Grafana container. */
    private static final String MOUNTED_AT = "/etc/grafana/provisioning";
    private static final Pattern SERIES = Pattern.compile("distributedjob_[a-z_]+?(?=_bucket\\b|\\b)");

    private final Path provisioning = Repository.path("deploy/grafana/provisioning");

    @Test
    @SuppressWarnings("unchecked")
    void theProviderLoadsTheDashboardFromTheMountedFolder() {
        Map<String, Object> provider = ((List<Map<String, Object>>) ServerKeys.load(
                provisioning.resolve("dashboards/distributedjob.yml")).get("providers")).getFirst();
        String path = (String) ((Map<String, Object>) provider.get("options")).get("path");

        assertThat(path).startsWith(MOUNTED_AT + "/");
        assertThat(provisioning.resolve(path.substring(MOUNTED_AT.length() + 1)).resolve("distributedjob.json"))
                .isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPanelQueriesTheProvisionedPrometheus() {
        String uid = (String) ((List<Map<String, Object>>) ServerKeys.load(
                provisioning.resolve("datasources/prometheus.yml")).get("datasources")).getFirst().get("uid");

        assertThat(panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(((Map<String, Object>) panel.get("datasource")).get("uid")).isEqualTo(uid);
            assertThat((List<Map<String, Object>>) panel.get("targets")).isNotEmpty()
                    .allSatisfy(target -> assertThat((String) target.get("expr")).isNotBlank());
        });
    }

    @Test
    void showsEveryOneOfTheSchedulersSeries() throws Exception {
        Set<String> shown = new TreeSet<>();
        Matcher series = SERIES.matcher(Files.readString(provisioning.resolve("dashboards/distributedjob.json")));
        while (series.find()) {
            shown.add(series.group());
        }

        assertThat(shown).contains("distributedjob_fires_total", "distributedjob_fire_lateness_seconds",
                "distributedjob_execution_duration_seconds", "distributedjob_retries_total",
                "distributedjob_fallbacks_total", "distributedjob_executions_running", "distributedjob_fires_waiting",
                "distributedjob_poll_round_duration_seconds", "distributedjob_claimed_fires_total",
                "distributedjob_records_pending", "distributedjob_record_flush_duration_seconds",
                "distributedjob_lease_takeovers_total", "distributedjob_instances");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> panels() {
        return (List<Map<String, Object>>) ServerKeys.load(provisioning.resolve("dashboards/distributedjob.json"))
                .get("panels");
    }
}
