package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.distributedjob.engine.FirePlan.PlannedFire;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.MisfirePolicy;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.junit.jupiter.api.Test;

/** Which fires one claim of a due row takes, decided without a database. */
class FirePlannerTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration THRESHOLD = Duration.ofSeconds(60);
    private static final String EVERY_SECOND = "* * * * * *";
    private static final String EVERY_MINUTE = "0 * * * * *";

    private final FirePlanner planner = new FirePlanner(THRESHOLD);

    @Test
    void takesEveryFireFromTheCursorUpToTheHorizonAndMovesTheCursorPastThem() {
        FirePlan plan = plan(task(EVERY_SECOND, NOW), NOW.plusSeconds(3), 100);

        assertThat(times(plan)).containsExactly(NOW, NOW.plusSeconds(1), NOW.plusSeconds(2), NOW.plusSeconds(3));
        assertThat(plan.fires()).extracting(PlannedFire::trigger).containsOnly(TriggerType.CRON);
        assertThat(plan.fires()).extracting(PlannedFire::skipReason).containsOnlyNulls();
        assertThat(plan.newNext()).isEqualTo(NOW.plusSeconds(4));
        assertThat(plan.newStatus()).isEqualTo(TaskStatus.ENABLED);
    }

    @Test
    void takesNoMoreThanTheRoomGivenAndLeavesTheCursorAtTheFirstFireLeft() {
        FirePlan plan = plan(task(EVERY_SECOND, NOW), NOW.plusSeconds(30), 2);

        assertThat(times(plan)).containsExactly(NOW, NOW.plusSeconds(1));
        assertThat(plan.newNext()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void neverTakesMoreThanTheLimitPerTaskHoweverMuchRoomThereIs() {
        FirePlan plan = plan(task(EVERY_SECOND, NOW), NOW.plus(Duration.ofHours(1)), Integer.MAX_VALUE);

        assertThat(plan.fires()).hasSize(FirePlanner.MAX_FIRES_PER_TASK);
        assertThat(plan.newNext()).isEqualTo(NOW.plusSeconds(FirePlanner.MAX_FIRES_PER_TASK));
    }

    @Test
    void lateFiresWithinTheThresholdAllRunAsScheduled() {
        Instant late = NOW.minusSeconds(30);

        FirePlan plan = plan(task(EVERY_SECOND, late), NOW, 100);

        assertThat(plan.fires()).hasSize(31).extracting(PlannedFire::trigger).containsOnly(TriggerType.CRON);
        assertThat(plan.fires().getFirst().scheduledTime()).isEqualTo(late);
    }

    @Test
    void fireOnceCatchesUpWithOneMisfireFireAndResumesTheScheduleFromNow() {
        Instant missed = NOW.minus(Duration.ofHours(3));

        FirePlan plan = plan(task(EVERY_MINUTE, missed), NOW.plusSeconds(90), 100);

        assertThat(plan.fires().getFirst()).isEqualTo(new PlannedFire(missed, TriggerType.MISFIRE, null));
        assertThat(plan.fires().subList(1, plan.fires().size())).extracting(PlannedFire::scheduledTime)
                .containsExactly(NOW.plusSeconds(60));
        assertThat(plan.newNext()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void skipRecordsOneSkipForEverythingMissedSayingWhy() {
        Instant missed = NOW.minus(Duration.ofHours(3));
        Task task = TestTasks.http(1, "http://127.0.0.1/").schedule(EVERY_MINUTE, missed).misfire(MisfirePolicy.SKIP)
                .build();

        FirePlan plan = plan(task, NOW, 100);

        PlannedFire skip = plan.fires().getFirst();
        assertThat(skip.trigger()).isEqualTo(TriggerType.MISFIRE);
        assertThat(skip.skipReason()).contains("misfirePolicy SKIP").contains(missed.toString());
        assertThat(plan.fires()).hasSize(1);
        assertThat(plan.newNext()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aTemporaryTaskTakesOneFireAndDisablesItself() {
        Task task = TestTasks.http(1, "http://127.0.0.1/").schedule(EVERY_SECOND, NOW).temporary().build();

        FirePlan plan = plan(task, NOW.plusSeconds(10), 100);

        assertThat(times(plan)).containsExactly(NOW);
        assertThat(plan.newNext()).isNull();
        assertThat(plan.newStatus()).isEqualTo(TaskStatus.DISABLED);
    }

    @Test
    void aCursorBeyondTheHorizonTakesNothingAndKeepsTheCursor() {
        FirePlan plan = plan(task(EVERY_SECOND, NOW.plusSeconds(10)), NOW.plusSeconds(5), 100);

        assertThat(plan.fires()).isEmpty();
        assertThat(plan.newNext()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void aLeaseOfThisInstanceKeepsItsStartAndAnotherOwnersLeaseStartsAtTheCursor() {
        Instant leased = NOW.minusSeconds(5);
        Task task = task(EVERY_SECOND, NOW);

        assertThat(planner.plan(new DueTask(task, "me", leased), "me", NOW, NOW, 10).claimedFrom()).isEqualTo(leased);
        assertThat(planner.plan(new DueTask(task, "other", leased), "me", NOW, NOW, 10).claimedFrom()).isEqualTo(NOW);
    }

    @Test
    void anUnplannableRowIsReportedOnceAtItsCursorAndRests() {
        Task task = task("not a cron", NOW);

        FirePlan plan = FirePlanner.unplannable(new DueTask(task, null, null), "me",
                new IllegalArgumentException("bad field"));

        assertThat(plan.fires()).singleElement().satisfies(fire -> {
            assertThat(fire.scheduledTime()).isEqualTo(NOW);
            assertThat(fire.skipReason()).contains("'not a cron'").contains("bad field");
        });
        assertThat(plan.newNext()).isNull();
        assertThat(plan.newStatus()).isEqualTo(TaskStatus.ENABLED);
    }

    private FirePlan plan(Task task, Instant horizon, int room) {
        return planner.plan(new DueTask(task, null, null), "me", NOW, horizon, room);
    }

    private static Task task(String cron, Instant next) {
        return TestTasks.http(1, "http://127.0.0.1/").schedule(cron, next).build();
    }

    private static List<Instant> times(FirePlan plan) {
        return plan.fires().stream().map(PlannedFire::scheduledTime).toList();
    }
}
