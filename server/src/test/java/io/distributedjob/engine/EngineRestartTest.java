package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.node.ObjectNode;

/** An application context that is stopped and started again (as a paused test context is) fires again. */
@DirtiesContext
class EngineRestartTest extends H2ServerTest {

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void firesAgainAfterTheContextIsStoppedAndStarted() {
        context.stop();
        context.start();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        ApiClient admin = ApiClient.onPort(port).login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);

        try (TargetServer target = new TargetServer()) {
            ObjectNode task = ApiClient.mapper().createObjectNode();
            task.put("name", OrgFixture.unique("after-restart")).put("departmentId", new OrgFixture(admin).rootDepartment())
                    .put("cron", "* * * * * *").put("url", target.url("/restarted")).put("httpMethod", "GET").put("status", 1);
            ApiResult created = admin.post("/tasks/http", task);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> target.calls("/restarted").size() >= 2);
            admin.patch("/tasks/" + created.data().get("id").asLong() + "/status", ApiClient.json("status", 0));
        }
    }
}
