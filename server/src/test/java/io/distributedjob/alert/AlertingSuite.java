package io.distributedjob.alert;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.distributedjob.config.AlertSettings;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.record.FinishedFire;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.MutableClock;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.task.TaskApiSuite;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts raised from fire outcomes and from missed fires, on the real database: throttling, N in a row,
 * recovery, and one alert however many instances look.
 */
interface AlertingSuite extends ServerUnderTest {

    JsonMapper JSON = JsonMapper.builder().build();

    ApplicationContext context();

    @Test
    default void failuresAreThrottledCountedInARowAndFollowedByOneRecovery() throws Exception {
        try (Receiver hook = new Receiver()) {
            long task = task(false);
            rules(task, hook, json("kind", "FAILURE", "throttleSeconds", 3600),
                    json("kind", "CONSECUTIVE_FAILURES", "threshold", 3, "throttleSeconds", 3600),
                    json("kind", "RECOVERY", "throttleSeconds", 1));
            MutableClock clock = new MutableClock(Instant.parse("2031-05-01T10:00:05Z"), ZoneOffset.UTC);
            AlertTrigger trigger = trigger(clock);

            trigger.evaluate(outcome(task, false, clock));
            clock.advance(Duration.ofSeconds(1));
            trigger.evaluate(outcome(task, false, clock));
            assertThat(events(hook)).containsExactly("FAILURE");

            clock.advance(Duration.ofSeconds(1));
            trigger.evaluate(outcome(task, false, clock));
            assertThat(events(hook)).containsExactly("FAILURE", "CONSECUTIVE_FAILURES");
            assertThat(JSON.readTree(hook.requests().get(1).body()).get("consecutiveFailures").asInt()).isEqualTo(3);

            clock.advance(Duration.ofSeconds(1));
            trigger.evaluate(outcome(task, true, clock));
            clock.advance(Duration.ofSeconds(1));
            trigger.evaluate(outcome(task, true, clock));
            assertThat(events(hook)).containsExactly("FAILURE", "CONSECUTIVE_FAILURES", "RECOVERY");

            clock.advance(Duration.ofHours(1));
            trigger.evaluate(outcome(task, false, clock));
            assertThat(events(hook)).containsExactly("FAILURE", "CONSECUTIVE_FAILURES", "RECOVERY", "FAILURE");
            JsonNode last = JSON.readTree(hook.requests().get(3).body());
            assertThat(last.get("taskId").asLong()).isEqualTo(task);
            assertThat(last.get("consecutiveFailures").asInt()).isEqualTo(1);
            assertThat(last.get("error").asString()).isEqualTo("HTTP 503 from the target");
        }
    }

    @Test
    default void aRunThatFailsIsAlertedOnceItsRecordIsWritten() throws Exception {
        try (Receiver hook = new Receiver()) {
            long task = task(false);
            rules(task, hook, json("kind", "FAILURE"));

            ApiResult run = admin().post("/tasks/" + task + "/run", null);
            assertThat(run.status()).as(run.toString()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> !hook.requests("/alerts").isEmpty());
            JsonNode alert = JSON.readTree(hook.requests("/alerts").getFirst().body());
            assertThat(alert.get("event").asString()).isEqualTo("FAILURE");
            assertThat(alert.get("taskId").asLong()).isEqualTo(task);
            assertThat(alert.get("fireId").asString()).startsWith(task + ":");
            assertThat(alert.get("error").isNull()).isFalse();
        }
    }

    @Test
    default void outcomesHandedOverInAHerdStillRaiseTheFailureAndItsRecovery() throws Exception {
        try (Receiver hook = new Receiver()) {
            long task = task(false);
            long quiet = task(false);
            rules(task, hook, json("kind", "FAILURE"), json("kind", "RECOVERY"));
            MutableClock clock = new MutableClock(Instant.parse("2031-05-03T10:00:05Z"), ZoneOffset.UTC);
            AlertTrigger trigger = trigger(clock);
            try {
                trigger.finished(outcome(task, false, clock));
                FinishedFire quietSuccess = outcome(quiet, true, clock);
                for (int i = 0; i < 1_000; i++) {
                    trigger.finished(quietSuccess);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> events(hook).equals(List.of("FAILURE")));

                clock.advance(Duration.ofSeconds(1));
                trigger.finished(quietSuccess);
                trigger.finished(outcome(task, true, clock));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> events(hook).equals(List.of("FAILURE", "RECOVERY")));
            } finally {
                trigger.destroy();
            }
        }
    }

    @Test
    default void aSuccessAfterAFailureNobodyWasToldAboutIsNoRecovery() throws Exception {
        try (Receiver hook = new Receiver()) {
            long task = task(false);
            rules(task, hook, json("kind", "CONSECUTIVE_FAILURES", "threshold", 2),
                    json("kind", "RECOVERY"));
            MutableClock clock = new MutableClock(Instant.parse("2031-05-02T10:00:05Z"), ZoneOffset.UTC);
            AlertTrigger trigger = trigger(clock);

            trigger.evaluate(outcome(task, false, clock));
            trigger.evaluate(outcome(task, true, clock));
            trigger.evaluate(outcome(task, false, clock));

            assertThat(hook.requests()).isEmpty();
        }
    }

    @Test
    default void aFireThatHasNotStartedAfterItsGraceIsReportedOnceHoweverManyInstancesLook() throws Exception {
        try (Receiver hook = new Receiver()) {
            long task = task(true);
            rules(task, hook, json("kind", "MISSED_FIRE", "threshold", 60, "throttleSeconds", 3600),
                    json("kind", "RECOVERY"));
            ApiResult shown = admin().get("/tasks/" + task);
            Instant next = OffsetDateTime.parse(shown.data().get("nextExecuteTime").asString()).toInstant();
            MutableClock clock = new MutableClock(next.plusSeconds(30), ZoneOffset.UTC);
            MissedFireDetector one = detector(clock);
            MissedFireDetector other = detector(clock);

            assertThat(one.check()).as("within the grace").isZero();
            assertThat(hook.requests()).isEmpty();

            clock.advance(Duration.ofMinutes(10));
            int sent = one.check() + other.check() + one.check();

            assertThat(sent).isEqualTo(1);
            assertThat(events(hook)).containsExactly("MISSED_FIRE");
            JsonNode alert = JSON.readTree(hook.requests().getFirst().body());
            assertThat(alert.get("fireId").asString()).isEqualTo(task + ":" + next);
            assertThat(alert.get("error").asString()).contains("not started");

            trigger(clock).evaluate(outcome(task, true, clock));
            assertThat(events(hook)).containsExactly("MISSED_FIRE", "RECOVERY");
        }
    }

    private long task(boolean enabled) {
        long root = new OrgFixture(admin()).rootDepartment();
        // once a year: the engine does not fire it while the test runs
        ApiResult created = admin().post("/tasks/http", TaskApiSuite.httpTask(root, "http://127.0.0.1:9/target")
                .put("cron", "0 3 1 1 *").put("status", enabled ? 1 : 0));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("id").asLong();
    }

    private void rules(long task, Receiver hook, JsonNode... rules) {
        long root = new OrgFixture(admin()).rootDepartment();
        ApiResult channel = admin().post("/alert-channels", json("name", OrgFixture.unique("hook"),
                "departmentId", root, "type", "WEBHOOK", "url", hook.url("/alerts")));
        for (JsonNode rule : rules) {
            ((tools.jackson.databind.node.ObjectNode) rule).set("channelIds",
                    JSON.valueToTree(List.of(channel.data().get("id").asLong())));
        }
        ApiResult saved = admin().put("/tasks/" + task + "/alert-rules", json("rules", List.of(rules)));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private AlertTrigger trigger(MutableClock clock) {
        return new AlertTrigger(context().getBean(EffectiveRules.class),
                context().getBean(AlertTaskStateRepository.class), context().getBean(AlertDispatcher.class), clock);
    }

    private MissedFireDetector detector(MutableClock clock) {
        return new MissedFireDetector(context().getBean(OverdueTasks.class),
                context().getBean(AlertRuleRepository.class), context().getBean(EffectiveRules.class),
                context().getBean(AlertDispatcher.class), context().getBean(AlertTaskStateRepository.class),
                context().getBean(DepartmentDirectory.class), clock, context().getBean(AlertSettings.class), () -> true);
    }

    private FinishedFire outcome(long task, boolean success, MutableClock clock) {
        Instant scheduled = clock.instant().minusSeconds(1);
        long department = admin().get("/tasks/" + task).data().get("departmentId").asLong();
        return new FinishedFire(task, "alerting-task", department, task + ":" + scheduled, scheduled, success,
                success ? null : "HTTP 503 from the target");
    }

    private static List<String> events(Receiver hook) {
        return hook.requests("/alerts").stream().map(request -> JSON.readTree(request.body()).get("event").asString())
                .toList();
    }
}
