package io.distributedjob.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;

/** The built console served at /v1/web/: index.html for client routes, cache headers, 404 for missing files. */
class ConsoleServingTest extends H2ServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/v1/web/assets/[^\"]+\\.js)\"");

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String origin = api().baseUrl().substring(0, api().baseUrl().length() - "/v1".length());
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void consoleRootServesIndexWithoutToken() throws Exception {
        HttpResponse<String> response = get("/v1/web/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<div id=\"app\"></div>");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void consoleWithoutTrailingSlashRedirectsToTheRoot() throws Exception {
        HttpResponse<String> response = get("/v1/web");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/v1/web/"));
    }

    @Test
    void clientRoutesServeIndexSoReloadsWork() throws Exception {
        String index = get("/v1/web/").body();

        for (String route : new String[] {"/v1/web/login", "/v1/web/tasks", "/v1/web/tasks/7/edit", "/v1/web/no/such/page"}) {
            HttpResponse<String> response = get(route);
            assertThat(response.statusCode()).as(route).isEqualTo(200);
            assertThat(response.body()).as(route).isEqualTo(index);
            assertThat(response.headers().firstValue("Cache-Control")).as(route).hasValue("no-cache");
        }
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws Exception {
        Matcher script = SCRIPT.matcher(get("/v1/web/").body());
        assertThat(script.find()).as("index.html references a hashed script").isTrue();

        HttpResponse<String> response = get(script.group(1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("max-age=31536000").contains("immutable").contains("public"));
    }

    @Test
    void missingFilesAnswer404InTheEnvelope() throws Exception {
        for (String path : new String[] {"/v1/web/assets/missing-123.js", "/v1/web/missing.css"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("\"code\":4004");
        }
    }

    @Test
    void pathsEscapingTheConsoleFolderAreRefused() throws Exception {
        HttpResponse<String> response = get("/v1/web/%2e%2e/%2e%2e/application.yaml");

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("spring:");
    }

    @Test
    void otherStaticFilesOfTheConsoleAreServed() throws Exception {
        HttpResponse<String> response = get("/v1/web/favicon.svg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<svg");
    }

    @Test
    void clientRouteDetection() {
        assertThat(ClientRouteResolver.isClientRoute("tasks/7/edit")).isTrue();
        assertThat(ClientRouteResolver.isClientRoute("assets/app.js")).isFalse();
        assertThat(ClientRouteResolver.isClientRoute("favicon.svg")).isFalse();
    }
}
