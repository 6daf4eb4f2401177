package io.distributedjob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The error paths of the REST foundation that need the servlet container (body limits, unknown routes) answer
 * with their documented status, code and a readable message; {@link ErrorEnvelopeWebMvcTest} covers the rest.
 */
@ActiveProfiles(ErrorPathsTest.PROFILE)
@TestPropertySource(properties = "server.maxBodyBytes=2048")
class ErrorPathsTest extends H2ServerTest {

    static final String PROFILE = "error-paths";

    @Test
    void unknownRouteIsNotFound() {
        ApiResult result = api().get("/no/such/route");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.code()).isEqualTo(4004);
    }

    @Test
    void wrongMethodIsAnUnknownRoute() {
        ApiResult result = api().delete("/test/number");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.code()).isEqualTo(4004);
        assertThat(result.message()).contains("DELETE").contains("GET");
    }

    @Test
    void declaredBodyOverTheLimitIsRefused() {
        String big = "{\"name\": \"" + "x".repeat(4096) + "\", \"times\": 1}";
        ApiResult result = api().post("/test/echo", big);
        assertThat(result.status()).isEqualTo(413);
        assertThat(result.code()).isEqualTo(4013);
    }

    @Test
    void chunkedBodyGrowingOverTheLimitIsRefused() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(4096) + "\", \"times\": 1}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(api().baseUrl() + "/test/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(big)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":4013");
    }
}
