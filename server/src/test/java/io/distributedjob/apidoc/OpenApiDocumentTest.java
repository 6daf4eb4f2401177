package io.distributedjob.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and its page are served without a token and describe the task routes. */
class OpenApiDocumentTest extends H2ServerTest {

    @Test
    void theDocumentListsTheTaskRoutesWithoutAToken() {
        ApiResult document = api().get("/openapi.json");

        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.body().get("openapi").asString()).startsWith("3.");
        JsonNode paths = document.body().get("paths");
        assertThat(paths.propertyNames()).contains("/tasks", "/tasks/{id}", "/tasks/http", "/tasks/{id}/run",
                "/tasks/{id}/copy", "/tasks/batch-delete", "/tasks/export", "/tasks/import",
                "/tasks/import/xxl-job", "/records");
        assertThat(paths.get("/tasks/{id}/run").has("post")).isTrue();
        assertThat(paths.get("/tasks").get("get").get("parameters").valueStream()
                .map(parameter -> parameter.get("name").asString())).contains("page", "size", "keyword");
        assertThat(paths.get("/records").get("get").get("parameters").valueStream()
                .map(parameter -> parameter.get("name").asString())).contains("page", "size", "year", "taskId");
        assertThat(paths.propertyNames()).noneMatch(path -> path.startsWith("/mcp"));
    }

    @Test
    void theRenderedPageIsServed() {
        ApiResult page = api().sendRaw("GET", "/swagger-ui/index.html", null, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("swagger-ui");
        assertThat(api().sendRaw("GET", "/api-docs.html", null, null).status()).isIn(200, 302);
    }
}
