package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.distributedjob.execution.Fire;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.support.MutableClock;
import io.distributedjob.support.TestTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory timer that starts each claimed fire at its instant, driven by a clock the test moves. */
class FireTimerTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    /** Longer than the timer's longest sleep, so that a fire it would wrongly start has time to show. */
    private static final Duration QUIET = Duration.ofMillis(400);

    private final MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
    private final List<Fire> started = new CopyOnWriteArrayList<>();
    private final FireTimer timer = new FireTimer(clock, started::add);

    @AfterEach
    void stop() {
        timer.stop();
    }

    @Test
    void aFireStartsWhenTheClockReachesItsInstantAndNotBefore() {
        timer.start();
        Fire fire = fire(1, T0.plusSeconds(10));
        timer.schedule(List.of(fire));

        clock.advance(Duration.ofSeconds(9));
        timer.wakeUp();
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(started::isEmpty);
        assertThat(timer.pending()).isOne();

        clock.advance(Duration.ofSeconds(1));
        timer.wakeUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.equals(List.of(fire)));
        assertThat(timer.pending()).isZero();
    }

    @Test
    void dueFiresStartInTheOrderOfTheirInstants() {
        Fire third = fire(1, T0.plusSeconds(3));
        Fire first = fire(2, T0.plusSeconds(1));
        Fire second = fire(3, T0.plusSeconds(2));
        timer.schedule(List.of(third, first, second));
        clock.advance(Duration.ofSeconds(5));

        timer.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 3);
        assertThat(started).containsExactly(first, second, third);
    }

    @Test
    void aRevisionDropsOrReplacesTheFiresOfOneTaskOnly() {
        Fire dropped = fire(1, T0.plusSeconds(1));
        Fire replaced = fire(2, T0.plusSeconds(1));
        Fire untouched = fire(3, T0.plusSeconds(1));
        timer.schedule(List.of(dropped, replaced, untouched));
        Fire replacement = new Fire(TestTasks.http(2, "http://127.0.0.1/edited").build(), replaced.scheduledTime(),
                TriggerType.CRON, true);

        assertThat(timer.revise(1, fire -> null)).containsExactly(dropped);
        assertThat(timer.revise(2, fire -> replacement)).isEmpty();
        assertThat(timer.pending()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        timer.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 2);
        assertThat(started).containsExactlyInAnyOrder(replacement, untouched);
        assertThat(timer.pending()).isZero();
    }

    @Test
    void stoppingHandsBackEveryFireThatHadNotStarted() {
        timer.start();
        Fire due = fire(1, T0);
        Fire later = fire(2, T0.plusSeconds(60));
        timer.schedule(List.of(due, later));
        await().atMost(Duration.ofSeconds(5)).until(() -> started.equals(List.of(due)));

        assertThat(timer.stop()).containsExactly(later);
        assertThat(timer.pending()).isZero();
    }

    @Test
    void takingAllEmptiesTheTimerAndItGoesOnWithNewFires() {
        timer.start();
        Fire taken = fire(1, T0.plusSeconds(60));
        timer.schedule(List.of(taken));

        assertThat(timer.takeAll()).containsExactly(taken);
        Fire next = fire(2, T0);
        timer.schedule(List.of(next));

        await().atMost(Duration.ofSeconds(5)).until(() -> started.equals(List.of(next)));
    }

    private static Fire fire(long taskId, Instant scheduled) {
        return new Fire(TestTasks.http(taskId, "http://127.0.0.1/").build(), scheduled, TriggerType.CRON, true);
    }
}
