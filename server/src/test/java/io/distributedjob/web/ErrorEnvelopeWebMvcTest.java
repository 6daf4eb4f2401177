package io.distributedjob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;

import io.distributedjob.kernel.PageQuery;
import io.distributedjob.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * How a controller's input is checked and its errors wrapped, in an MVC slice: the exception handler and one
 * controller, no server, no database, no authentication. The paths that need the servlet container (body limits,
 * unknown routes) stay in {@link ErrorPathsTest}.
 */
@WebMvcTest(controllers = ErrorPathsTestController.class, useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {ErrorPathsTestController.class, GlobalExceptionHandler.class}))
@ActiveProfiles(ErrorPathsTest.PROFILE)
class ErrorEnvelopeWebMvcTest {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void aValidRequestIsWrappedInTheEnvelope() {
        JsonNode body = envelope(mvc.post().uri("/test/echo").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"times\":2}").exchange(), 200);

        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.get("message").asString()).isEqualTo("success");
        assertThat(body.get("data").get("name").asString()).isEqualTo("x");
    }

    @Test
    void aValidationFailureNamesEachField() {
        JsonNode body = envelope(mvc.post().uri("/test/echo").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"times\":11}").exchange(), 400);

        assertThat(body.get("code").asInt()).isEqualTo(4001);
        assertThat(body.get("message").asString()).contains("name:").contains("times:");
    }

    @Test
    void malformedJsonIsAnInvalidParameter() {
        JsonNode body = envelope(mvc.post().uri("/test/echo").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\",").exchange(), 400);

        assertThat(body.get("code").asInt()).isEqualTo(4001);
        assertThat(body.get("message").asString()).contains("malformed JSON");
    }

    @Test
    void aBodyOfAnotherContentTypeIsAnInvalidParameterNamingJson() {
        JsonNode body = envelope(mvc.post().uri("/test/echo").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("name=x").exchange(), 400);

        assertThat(body.get("code").asInt()).isEqualTo(4001);
        assertThat(body.get("message").asString()).contains("application/json");
    }

    @Test
    void aParameterOfTheWrongTypeOrMissingIsNamed() {
        assertThat(envelope(mvc.get().uri("/test/number?value=abc").exchange(), 400).get("message").asString())
                .isEqualTo("value: must be a number");
        assertThat(envelope(mvc.get().uri("/test/number").exchange(), 400).get("message").asString())
                .isEqualTo("value: is required");
    }

    @Test
    void pagingParametersAreReadTogetherAndNamedWhenOfTheWrongType() {
        JsonNode page = envelope(mvc.get().uri("/test/page?page=3&size=20").exchange(), 200).get("data");
        assertThat(page.get("page").asInt()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(envelope(mvc.get().uri("/test/page").exchange(), 200).get("data").get("size").asInt())
                .isEqualTo(PageQuery.DEFAULT_SIZE);
        assertThat(envelope(mvc.get().uri("/test/page?page=abc").exchange(), 400).get("message").asString())
                .isEqualTo("page: must be a number");
        assertThat(envelope(mvc.get().uri("/test/page?size=0").exchange(), 400).get("message").asString())
                .isEqualTo("size must be between 1 and " + PageQuery.MAX_SIZE);
    }

    @Test
    void anUnexpectedExceptionHidesItsInternals() {
        MvcTestResult result = mvc.get().uri("/test/boom").exchange();

        JsonNode body = envelope(result, 500);
        assertThat(body.get("code").asInt()).isEqualTo(5000);
        assertThat(body.get("message").asString()).contains("reference");
        assertThat(text(result)).doesNotContain("secret internal detail")
                .doesNotContain("IllegalStateException").doesNotContain("at io.distributedjob");
    }

    private static JsonNode envelope(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status);
        return ApiClient.mapper().readTree(text(result));
    }

    private static String text(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
