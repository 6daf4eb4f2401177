package io.distributedjob.metrics;

import static io.distributedjob.metrics.PrometheusScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code metrics.token} set, only a scraper presenting it reads the metrics; users' tokens do not open it. */
@TestPropertySource(properties = "metrics.token=" + MetricsTokenTest.TOKEN)
class MetricsTokenTest extends H2ServerTest {

    static final String TOKEN = "scrape-token-0123456789";

    @Test
    void refusesAScrapeWithoutTheToken() throws Exception {
        HttpResponse<String> response = scrape(api().baseUrl(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ApiClient.mapper().readTree(response.body()).get("code").asInt()).isEqualTo(4010);
    }

    @Test
    void refusesAWrongTokenAndAUsersAccessToken() throws Exception {
        String accessToken = api().post("/auth/login", ApiClient.json("username", TestSettings.ADMIN_USERNAME,
                "password", TestSettings.ADMIN_PASSWORD)).data().get("token").asString();

        assertThat(scrape(api().baseUrl(), "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(scrape(api().baseUrl(), "Bearer " + accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void servesTheMetricsToTheTokenHolder() throws Exception {
        HttpResponse<String> response = scrape(api().baseUrl(), "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("distributedjob_instances");
    }

    @Test
    void leavesHealthPublic() {
        assertThat(api().get("/health").status()).isEqualTo(200);
    }
}
