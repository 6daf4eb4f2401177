package io.distributedjob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** Every error path of the REST foundation answers with its documented status, code and a readable message. */
@ActiveProfiles(ErrorPathsTest.PROFILE)
@TestPropertySource(properties = "server.maxBodyBytes=2048")
class ErrorPathsTest extends H2ServerTest {

    static final String PROFILE = "error-paths";

    @Test
    void validRequestIsWrappedInTheEnvelope() {
        ApiResult result = api().post("/test/echo", ApiClient.json("name", "x", "times", 2));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.code()).isZero();
        assertThat(result.message()).isEqualTo("success");
        assertThat(result.data().get("name").asString()).isEqualTo("x");
    }

    @Test
    void validationFailureNamesTheField() {
        ApiResult result = api().post("/test/echo", ApiClient.json("name", "", "times", 11));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo(4001);
        assertThat(result.message()).contains("name:").contains("times:");
    }

    @Test
    void malformedJsonIsInvalidParameter() {
        ApiResult result = api().post("/test/echo", "{\"name\": \"x\",");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo(4001);
        assertThat(result.message()).contains("malformed JSON");
    }

    @Test
    void wrongContentTypeIsInvalidParameter() {
        ApiResult result = api().sendRaw("POST", "/test/echo", "name=x", "application/x-www-form-urlencoded");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo(4001);
        assertThat(result.message()).contains("application/json");
    }

    @Test
    void wrongParameterTypeNamesTheParameter() {
        ApiResult result = api().get("/test/number?value=abc");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo(4001);
        assertThat(result.message()).isEqualTo("value: must be a number");
    }

    @Test
    void missingParameterNamesTheParameter() {
        ApiResult result = api().get("/test/number");
        assertThat(result.code()).isEqualTo(4001);
        assertThat(result.message()).isEqualTo("value: is required");
    }

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

    @Test
    void unexpectedExceptionHidesInternals() {
        ApiResult result = api().get("/test/boom");
        assertThat(result.status()).isEqualTo(500);
        assertThat(result.code()).isEqualTo(5000);
        assertThat(result.raw()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException")
                .doesNotContain("at io.distributedjob");
        assertThat(result.message()).contains("reference");
    }
}
