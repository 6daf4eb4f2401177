package io.distributedjob.metrics;

import static io.distributedjob.metrics.PrometheusScrape.samples;
import static io.distributedjob.metrics.PrometheusScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.TargetServer;
import io.distributedjob.task.TaskApiSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Fires of a running server show in its scheduler series: outcomes, lateness, durations, retries, fallbacks. */
class FireMetricsTest extends H2ServerTest {

    private static final TargetServer TARGET = new TargetServer();

    @AfterAll
    static void stopTarget() {
        TARGET.close();
    }

    @Test
    void aSuccessfulFireIsCountedWithItsLatenessAndDuration() {
        TARGET.reply("/ok", 200, "fine", 0);
        long task = createTask(TARGET.url("/ok"), null, 0);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String exposition = scrape(api().baseUrl(), null).body();
                assertThat(value(exposition, "distributedjob_fires_total{", "type=\"HTTP\"", "trigger=\"CRON\"",
                        "outcome=\"success\"")).isGreaterThanOrEqualTo(1);
                assertThat(value(exposition, "distributedjob_fire_lateness_seconds_count")).isGreaterThanOrEqualTo(1);
                assertThat(value(exposition, "distributedjob_execution_duration_seconds_count{", "type=\"HTTP\"",
                        "outcome=\"success\"")).isGreaterThanOrEqualTo(1);
                assertThat(value(exposition, "distributedjob_poll_round_duration_seconds_count"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(value(exposition, "distributedjob_claimed_fires_total")).isGreaterThanOrEqualTo(1);
                assertThat(value(exposition, "distributedjob_record_flush_duration_seconds_count"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(samples(exposition, "distributedjob_executions_running")).hasSize(1);
                assertThat(samples(exposition, "distributedjob_fires_waiting")).hasSize(1);
                assertThat(samples(exposition, "distributedjob_records_pending")).hasSize(1);
            });
        } finally {
            admin().delete("/tasks/" + task);
        }
    }

    @Test
    void aFailingFireCountsItsRetriesAndItsFallback() {
        TARGET.reply("/broken", 500, "no", 0);
        TARGET.reply("/fallback", 500, "no either", 0);
        double retriesBefore = value(scrapeBody(), "distributedjob_retries_total");
        double fallbacksBefore = value(scrapeBody(), "distributedjob_fallbacks_total");
        long task = createTask(TARGET.url("/broken"), TARGET.url("/fallback"), 1);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String exposition = scrapeBody();
                assertThat(value(exposition, "distributedjob_fires_total{", "outcome=\"failed\""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(value(exposition, "distributedjob_retries_total")).isGreaterThanOrEqualTo(retriesBefore + 1);
                assertThat(value(exposition, "distributedjob_fallbacks_total"))
                        .isGreaterThanOrEqualTo(fallbacksBefore + 1);
            });
        } finally {
            admin().delete("/tasks/" + task);
        }
    }

    private long createTask(String url, String fallbackUrl, int retries) {
        ObjectNode task = TaskApiSuite.httpTask(new OrgFixture(admin()).rootDepartment(), url);
        task.put("cron", "@every 1s").put("status", 1).put("httpMethod", "GET").put("retryCount", retries)
                .put("retryInterval", 0);
        if (fallbackUrl != null) {
            task.put("fallbackUrl", fallbackUrl);
        }
        var created = admin().post("/tasks/http", task);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("id").asLong();
    }

    private String scrapeBody() {
        try {
            return scrape(api().baseUrl(), null).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The sum of the samples of {@code series} (a name, or a name and "{") whose labels contain all of {@code labels}. */
    private static double value(String exposition, String series, String... labels) {
        String name = series.endsWith("{") ? series.substring(0, series.length() - 1) : series;
        return samples(exposition, name).stream()
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
