package io.distributedjob.metrics;

import static io.distributedjob.metrics.PrometheusScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code metrics.enabled: false} the server keeps no meters: a scrape answers with no series at all. */
@TestPropertySource(properties = "metrics.enabled=false")
class MetricsDisabledTest extends H2ServerTest {

    @Test
    void servesNoSeries() throws Exception {
        api().get("/health");

        HttpResponse<String> response = scrape(api().baseUrl(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("distributedjob_", "http_server_requests", "jvm_", "hikaricp_");
    }

    @Test
    void keepsTheServerWorking() {
        assertThat(api().get("/health").status()).isEqualTo(200);
    }
}
