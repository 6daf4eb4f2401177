package io.distributedjob.engine;

import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The poll loop runs each duty of a round on its own: a failing duty stops neither the others nor the loop. */
class PollLoopTest {

    @Test
    void aDutyThatThrowsEveryRoundKeepsNeitherTheOthersNorTheNextRoundsFromRunning() {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        List<Throwable> heard = new CopyOnWriteArrayList<>();
        RoundDuty failing = duty("failing", () -> {
            // alternately an exception and an error, as a runaway recursion in a schedule would throw
            if (failures.incrementAndGet() % 2 == 0) {
                throw new StackOverflowError();
            }
            throw new IllegalStateException("unparsable row");
        });
        PollLoop loop = new PollLoop(Clock.systemUTC(), Duration.ofMillis(10),
                List.of(failing, duty("after", after::incrementAndGet)), duty("claiming", claims::incrementAndGet),
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), heard::add);
        loop.start();
        try {
            // five rounds in which the failing duty threw, and the duty after it and the claim still ran
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> failures.get() >= 5 && after.get() >= 5 && claims.get() >= 5);
        } finally {
            loop.stop();
        }
        assertThat(heard).hasAtLeastOneElementOfType(IllegalStateException.class)
                .hasAtLeastOneElementOfType(StackOverflowError.class);
    }

    @Test
    void aWakeUpBetweenRoundsOnlyClaims() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        PollLoop loop = new PollLoop(Clock.systemUTC(), Duration.ofSeconds(60),
                List.of(duty("round", rounds::incrementAndGet)), duty("claiming", claims::incrementAndGet),
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), failure -> { });
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> claims.get() == 1);
            for (int wake = 2; wake <= 4; wake++) {
                loop.wakeUp();
                int expected = wake;
                await().atMost(Duration.ofSeconds(5)).until(() -> claims.get() == expected);
            }
            assertThat(rounds).hasValue(1);
        } finally {
            loop.stop();
        }
    }

    @Test
    void aClaimCutShortGoesOnAtOnceAndTheRoundStillComesEachInterval() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        // a herd that never ends: every claim stops with due rows left
        RoundDuty endless = new RoundDuty() {
            @Override
            public String name() {
                return "claiming";
            }

            @Override
            public void run(Instant now) {
                claims.incrementAndGet();
            }

            @Override
            public boolean leftWork() {
                return true;
            }
        };
        PollLoop loop = new PollLoop(Clock.systemUTC(), Duration.ofMillis(50),
                List.of(duty("round", rounds::incrementAndGet)), endless,
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), failure -> { });
        loop.start();
        try {
            // passes follow each other without a wake-up, and the round (the heartbeat) is not starved by them
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 5 && claims.get() > 5 * rounds.get());
        } finally {
            loop.stop();
        }
    }

    @Test
    void aRoundAskedForRunsAtOnceRatherThanAtTheEndOfTheInterval() {
        AtomicInteger rounds = new AtomicInteger();
        PollLoop loop = new PollLoop(Clock.systemUTC(), Duration.ofSeconds(60),
                List.of(duty("round", rounds::incrementAndGet)), duty("claiming", () -> { }),
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), failure -> { });
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
            loop.roundNow();
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        } finally {
            loop.stop();
        }
    }

    private static RoundDuty duty(String name, Runnable work) {
        return new RoundDuty() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Instant now) {
                work.run();
            }
        };
    }
}
