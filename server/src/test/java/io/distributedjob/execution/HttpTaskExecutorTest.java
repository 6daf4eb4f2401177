package io.distributedjob.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.kernel.TriggerType;
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

    @Test
    void callsToATargetReuseOneConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            Task task = TestTasks.http(15, target.url("/again")).method("POST").body("{\"n\":" + i + "}").build();
            assertThat(executor.call(new Fire(task, SCHEDULED.plusSeconds(i), TriggerType.CRON, true), Target.PRIMARY).success()).isTrue();
        }

        assertThat(target.calls("/again")).extracting(TargetServer.Call::clientPort).containsOnly(
                target.calls("/again").getFirst().clientPort());
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsAtTheTimeoutAsTimedOut() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        target.answer("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("partial".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                hungUp.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        Task task = TestTasks.http(13, target.url("/stall")).timeout(1).build();

        long start = System.nanoTime();
        Attempt outcome = executor.call(new Fire(task, SCHEDULED, TriggerType.CRON, true), Target.PRIMARY);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        hungUp.countDown();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).isEqualTo("timed out after 1 s");
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    }

    @Test
    void aHugeBodyIsReadOnlyUpToTheConfiguredSize() throws Exception {
        int tenMebibytes = 10 * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CompletableFuture<Boolean> sentWhole = new CompletableFuture<>();
        target.answer("/huge", exchange -> {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            exchange.sendResponseHeaders(200, tenMebibytes);
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < tenMebibytes) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
                sentWhole.complete(true);
            } catch (IOException e) {
                sentWhole.complete(false);
            }
        });
        Task task = TestTasks.http(14, target.url("/huge")).timeout(10).build();

        Attempt outcome = executor.call(new Fire(task, SCHEDULED, TriggerType.CRON, true), Target.PRIMARY);

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.response()).hasSize(4096);
        assertThat(sentWhole.get(10, TimeUnit.SECONDS)).as("the target could write its whole body").isFalse();
        assertThat(written.get()).isLessThan(tenMebibytes);
    }
}
