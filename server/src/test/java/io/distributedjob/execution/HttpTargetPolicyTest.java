package io.distributedjob.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.distributedjob.config.TargetSettings;
import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import io.distributedjob.targets.TargetPolicy;
import io.distributedjob.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** HTTP tasks under the target policy, against real local targets on 127.0.0.1 and 127.0.0.2. */
class HttpTargetPolicyTest {

    private static final Instant SCHEDULED = Instant.parse("2026-05-01T10:00:00Z");

    private final TargetServer allowed = new TargetServer("127.0.0.1");
    private final TargetServer denied = new TargetServer("127.0.0.2");
    private final HttpTaskExecutor executor = executor(List.of(), List.of("127.0.0.2/32"));

    @AfterEach
    void stop() {
        executor.close();
        allowed.close();
        denied.close();
    }

    @Test
    void aDenyRuleRefusesItsAddressWithoutConnecting() throws Exception {
        Attempt outcome = run(TestTasks.http(1, denied.url("/hook")).build());

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).isEqualTo("target policy refused 127.0.0.2");
        assertThat(denied.calls()).isEmpty();
    }

    @Test
    void aHostNameIsCheckedOnTheAddressesItResolvesTo() throws Exception {
        try (HttpTaskExecutor loopbackDenied = executor(List.of(), List.of("127.0.0.0/8", "::1"))) {
            Attempt outcome = primary(loopbackDenied, fire(
                    TestTasks.http(2, allowed.url("/hook").replace("127.0.0.1", "localhost")).build()));

            assertThat(outcome.error()).startsWith("target policy refused localhost (");
            assertThat(allowed.calls()).isEmpty();
        }
    }

    @Test
    void aRedirectToADeniedAddressIsRefusedAtThatHop() throws Exception {
        allowed.redirect("/moved", 302, denied.url("/secret"));

        Attempt outcome = run(TestTasks.http(3, allowed.url("/moved")).build());

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).isEqualTo("target policy refused 127.0.0.2");
        assertThat(allowed.calls("/moved")).hasSize(1);
        assertThat(denied.calls()).isEmpty();
    }

    @Test
    void anAllowedRedirectIsFollowedAndCarriesTheFireId() throws Exception {
        allowed.redirect("/moved", 307, allowed.url("/here"));

        Attempt outcome = run(TestTasks.http(4, allowed.url("/moved")).method("POST").body("{}").build());

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.response()).isEqualTo("ok");
        TargetServer.Call hop = allowed.calls("/here").getFirst();
        assertThat(hop.method()).isEqualTo("POST");
        assertThat(hop.body()).isEqualTo("{}");
        assertThat(hop.header("X-DJ-Fire-Id")).isEqualTo("4:2026-05-01T10:00:00Z");
    }

    @Test
    void aRedirectLoopEndsAtTheBound() throws Exception {
        allowed.redirect("/loop", 302, allowed.url("/loop"));

        Attempt outcome = run(TestTasks.http(5, allowed.url("/loop")).build());

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(302);
        assertThat(allowed.calls("/loop")).hasSize(HttpTargetClient.MAX_REDIRECTS + 1);
    }

    @Test
    void aRedirectToAnotherSchemeIsNotFollowed() throws Exception {
        allowed.redirect("/elsewhere", 302, "file:///etc/passwd");

        Attempt outcome = run(TestTasks.http(11, allowed.url("/elsewhere")).build());

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(302);
        assertThat(outcome.response()).isNull();
    }

    @Test
    void credentialsAreNotSentToAnotherOrigin() throws Exception {
        allowed.redirect("/away", 302, denied.url("/hook"));
        try (HttpTaskExecutor open = executor(List.of(), List.of())) {
            Attempt outcome = primary(open, fire(TestTasks.http(12, allowed.url("/away"))
                    .headers("{\"Authorization\":\"Bearer secret\",\"X-Team\":\"billing\"}").build()));

            assertThat(outcome.success()).isTrue();
            TargetServer.Call hop = denied.calls("/hook").getFirst();
            assertThat(hop.header("Authorization")).isNull();
            assertThat(hop.header("X-Team")).isEqualTo("billing");
        }
    }

    @Test
    void theFallbackIsUnderThePolicyToo() throws Exception {
        allowed.reply("/primary", 503, "down", 0);

        Task task = TestTasks.http(6, allowed.url("/primary")).fallbackUrl(denied.url("/backup")).build();

        Attempt outcome = executor.call(fire(task), Target.FALLBACK);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).startsWith("target policy refused 127.0.0.2");
        assertThat(denied.calls()).isEmpty();
    }

    @Test
    void aNonEmptyAllowListAdmitsOnlyWhatItNames() throws Exception {
        try (HttpTaskExecutor onlyDenied = executor(List.of("127.0.0.2"), List.of())) {
            Attempt refused = primary(onlyDenied, fire(TestTasks.http(7, allowed.url("/hook")).build()));
            Attempt admitted = primary(onlyDenied, fire(TestTasks.http(8, denied.url("/hook")).build()));

            assertThat(refused.error()).isEqualTo("target policy refused 127.0.0.1");
            assertThat(admitted.success()).isTrue();
            assertThat(allowed.calls()).isEmpty();
            assertThat(denied.calls()).hasSize(1);
        }
    }

    @Test
    void denyWinsOverAllow() throws Exception {
        try (HttpTaskExecutor both = executor(List.of("127.0.0.0/8"), List.of("127.0.0.2/32"))) {
            Attempt outcome = primary(both, fire(TestTasks.http(9, denied.url("/hook")).build()));

            assertThat(outcome.error()).isEqualTo("target policy refused 127.0.0.2");
            assertThat(denied.calls()).isEmpty();
        }
    }

    /**
     * The built-in rules refuse the metadata services in every spelling, before any packet leaves: the refusal
     * comes from the resolver, so the call ends at once, far within the task's timeout.
     */
    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "[::ffff:169.254.169.254]", "[::ffff:a9fe:a9fe]",
            "[64:ff9b::a9fe:a9fe]", "[fe80::1]", "[fd00:ec2::254]", "100.100.100.200", "metadata.google.internal",
            "METADATA.GOOGLE.INTERNAL."})
    void theBuiltInRulesRefuseMetadataAndLinkLocalAddresses(String host) throws Exception {
        long start = System.nanoTime();
        Attempt outcome = run(TestTasks.http(10, "http://" + host + "/latest/meta-data/").timeout(30).build());

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("target policy refused ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private Attempt run(Task task) throws InterruptedException {
        return primary(executor, fire(task));
    }

    private static Fire fire(Task task) {
        return new Fire(task, SCHEDULED, TriggerType.CRON, true);
    }

    private static HttpTaskExecutor executor(List<String> allow, List<String> deny) {
        return new HttpTaskExecutor(JsonMapper.builder().build(), TestTasks.settings(5, 10, 5),
                new TargetPolicy(new TargetSettings(allow, deny, "")));
    }

    /** One call to the task's own URL, as the fire executor makes it. */
    private static Attempt primary(HttpTaskExecutor executor, Fire fire) throws InterruptedException {
        return executor.call(fire, Target.PRIMARY);
    }
}
