package io.distributedjob.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.record.TriggerType;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpTaskExecutorTest {

    private static final Instant SCHEDULED = Instant.parse("2026-05-01T10:00:00Z");

    private final TargetServer target = new TargetServer();
    private final HttpTaskExecutor executor = new HttpTaskExecutor(JsonMapper.builder().build(), TestTasks.settings(5, 10, 5));

    @AfterEach
    void stop() {
        executor.close();
        target.close();
    }

    @Test
    void sendsTheMethodHeadersBodyAndFireId() throws Exception {
        Task task = TestTasks.http(7, target.url("/hook")).method("PUT")
                .headers("{\"X-Team\":\"billing\",\"Content-Type\":\"application/json\"}")
                .body("{\"amount\":42}").build();

        Attempt outcome = executor.call(new Fire(task, SCHEDULED, TriggerType.CRON, true), Target.PRIMARY);

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.response()).isEqualTo("ok");
        TargetServer.Call call = target.calls().getFirst();
        assertThat(call.method()).isEqualTo("PUT");
        assertThat(call.body()).isEqualTo("{\"amount\":42}");
        assertThat(call.header("X-Team")).isEqualTo("billing");
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        assertThat(call.header("X-DJ-Fire-Id")).isEqualTo("7:2026-05-01T10:00:00Z");
    }

    @Test
    void aFailureKeepsItsStatusCodeAndResponse() throws Exception {
        target.reply("/broken", 500, "boom", 0);
        Task task = TestTasks.http(9, target.url("/broken")).build();

        Attempt outcome = executor.call(new Fire(task, SCHEDULED, TriggerType.CRON, true), Target.PRIMARY);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(500);
        assertThat(outcome.response()).isEqualTo("boom");
        assertThat(outcome.error()).isEqualTo("HTTP 500");
        assertThat(target.calls()).hasSize(1);
    }

    @Test
    void theTaskTimeoutCutsASlowCall() throws Exception {
        target.reply("/slow", 200, "late", 5_000);
        Task task = TestTasks.http(10, target.url("/slow")).timeout(1).build();

        long start = System.nanoTime();
        Attempt outcome = executor.call(new Fire(task, SCHEDULED, TriggerType.CRON, true), Target.PRIMARY);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).isEqualTo("timed out after 1 s");
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(3000));
    }

    @Test
    void aLongResponseIsCutToTheConfiguredSize() throws Exception {
        target.reply("/big", 200, "x".repeat(10_000), 0);
        Task task = TestTasks.http(11, target.url("/big")).build();

        Attempt outcome = executor.call(new Fire(task, SCHEDULED, TriggerType.CRON, true), Target.PRIMARY);

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.response()).hasSize(4096);
    }

    @Test
    void anUnreachableTargetFailsWithoutAStatusCode() throws Exception {
        Task task = TestTasks.http(12, "http://127.0.0.1:1/nothing").build();

        Attempt outcome = executor.call(new Fire(task, SCHEDULED, TriggerType.CRON, true), Target.PRIMARY);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("connection failed");
    }
}
