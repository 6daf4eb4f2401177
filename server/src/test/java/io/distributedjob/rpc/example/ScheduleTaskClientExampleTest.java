package io.distributedjob.rpc.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.distributedjob.rpc.proto.scheduler.ScheduleTaskResponse;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** The client example of the documentation, run against a running server so that it keeps working. */
class ScheduleTaskClientExampleTest extends H2ServerTest {

    @Value("${local.grpc.port}")
    private int grpcPort;

    @Test
    void theExampleSchedulesItsTask() throws Exception {
        ScheduleTaskResponse response = ScheduleTaskClientExample.scheduleExampleTask("localhost:" + grpcPort,
                TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);

        assertThat(response.getSuccess()).isTrue();
        JsonNode task = admin().get("/tasks/" + response.getTaskId()).data();
        assertThat(task.get("name").asString()).isEqualTo("ExampleTask");
        assertThat(task.get("url").asString()).isEqualTo("http://example.com/api");
        assertThat(task.get("retryCount").asInt()).isEqualTo(3);
    }

    @Test
    void theExampleRunsFromItsMainMethod() throws Exception {
        long before = admin().get("/tasks?keyword=ExampleTask&size=100").data().get("total").asLong();

        ScheduleTaskClientExample.main(new String[] {"localhost:" + grpcPort, TestSettings.ADMIN_USERNAME,
                TestSettings.ADMIN_PASSWORD});

        assertThat(admin().get("/tasks?keyword=ExampleTask&size=100").data().get("total").asLong()).isEqualTo(before + 1);
    }
}
