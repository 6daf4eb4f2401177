package io.distributedjob.web;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Validation errors and conflicts carry a key and values beside the English message, for translation. */
class MessageKeyApiTest extends H2ServerTest {

    @Test
    void aValidationErrorNamesItsFieldAndRule() {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", "x".repeat(300)).put("departmentId", 1).put("cron", "@daily")
                .put("url", "http://127.0.0.1:9/").put("httpMethod", "GET").put("status", 0);

        ApiResult result = admin().post("/tasks/http", task);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.message()).isEqualTo("name: must be at most 255 characters");
        JsonNode data = result.data();
        assertThat(data.get("messageKey").asString()).isEqualTo("validation.maxLength");
        assertThat(data.get("params").get("field").asString()).isEqualTo("name");
        assertThat(data.get("params").get("max").asInt()).isEqualTo(255);
        assertThat(admin().post("/tasks/http", task.put("name", "n").put("status", 7)).data().get("messageKey")
                .asString()).isEqualTo("validation.range");
    }

    @Test
    void aCreateReportsEveryFieldProblemAtOnce() {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", "").put("departmentId", 1).put("cron", "not a cron")
                .put("url", "ftp://example.com/").put("httpMethod", "GET").put("status", 0);

        ApiResult result = admin().post("/tasks/http", task);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().get("code").asInt()).isEqualTo(4001);
        assertThat(result.message()).as("the first problem, as before").isEqualTo("name: is required");
        assertThat(result.data().get("messageKey").asString()).isEqualTo("validation.required");
        JsonNode errors = result.data().get("fieldErrors");
        assertThat(errors.valueStream().map(error -> error.get("field").asString() + " " + error.get("rule").asString()))
                .containsExactly("name required", "cron cron", "url httpUrl");
        JsonNode url = errors.get(2);
        assertThat(url.get("message").asString()).isEqualTo("url: must be an http:// or https:// URL");
        assertThat(url.get("params").get("field").asString()).isEqualTo("url");
        assertThat(errors.get(1).get("params").get("reason").asString()).isNotBlank();
    }

    @Test
    void aConflictCarriesItsKind() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.rootDepartment();
        long role = org.role("viewer", Permissions.TASK_VIEW);
        String username = org.user("taken", department, role).username();

        ApiResult again = admin().post("/users", json("username", username, "password", OrgFixture.PASSWORD,
                "realName", "again", "departmentId", department, "roleId", role));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.data().get("messageKey").asString()).isEqualTo("conflict.usernameTaken");
        assertThat(again.data().get("params").get("username").asString()).isEqualTo(username);
    }

    @Test
    void refusingToDeleteTheRootDepartmentCarriesItsKind() {
        long root = new OrgFixture(admin()).rootDepartment();

        ApiResult refused = admin().delete("/departments/" + root);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.data().get("messageKey").asString()).isEqualTo("conflict.rootDepartment");
    }
}
