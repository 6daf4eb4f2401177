package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.distributedjob.engine.FirePlan.PlannedFire;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordTables;
import io.distributedjob.record.TriggerType;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.MutableClock;
import io.distributedjob.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim protocol on a real database (a fresh one per test): exactly-once claims between competing instances, leases, misfires,
 * temporary tasks and takeover from a silent instance. Times are far in the future and move only with a
 * {@link MutableClock}.
 */
interface ClaimProtocolSuite {

    Instant T0 = Instant.parse("2090-03-01T00:00:00Z");
    String EVERY_SECOND = "* * * * * *";

    EngineDatabase db();

    default EngineFixture instance(String id, MutableClock clock) {
        EngineFixture fixture = new EngineFixture(db(), id, clock);
        fixture.instances.register(id, "test", null, clock.instant());
        return fixture;
    }

    @Test
    default void competingInstancesClaimEachFireExactlyOnce() throws Exception {
        JdbcClient jdbc = db().jdbcClient();
        Instant start = T0.plusSeconds(100);
        int tasks = 150;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            ids.add(EngineFixture.insertTask(jdbc, EVERY_SECOND, Task.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE"));
        }
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        List<EngineFixture> instances = List.of(instance("a", clock), instance("b", clock), instance("c", clock));
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        int polls = 5;
        for (int poll = 0; poll < polls; poll++) {
            Instant now = start.plusSeconds(poll);
            Instant horizon = now.plusSeconds(2);
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService threads = Executors.newFixedThreadPool(instances.size())) {
                List<Future<?>> done = new ArrayList<>();
                for (EngineFixture instance : instances) {
                    Callable<Void> work = () -> {
                        go.await();
                        for (FirePlan plan : instance.claim(now, horizon, 20)) {
                            plan.fires().forEach(fire -> claimed.add(ExecutionRecord.fireId(plan.taskId(), fire.scheduledTime())));
                        }
                        // the owner records everything it claimed, so others may take the rows next time
                        instance.instances.heartbeat(instance.id, null, now);
                        return null;
                    };
                    done.add(threads.submit(work));
                }
                go.countDown();
                for (Future<?> future : done) {
                    future.get();
                }
            }
        }
        Set<String> distinct = new HashSet<>(claimed);
        assertThat(distinct).hasSameSizeAs(claimed);
        Set<String> expected = new HashSet<>();
        for (long id : ids) {
            for (int second = 1; second <= polls - 1 + 2; second++) {
                expected.add(ExecutionRecord.fireId(id, start.plusSeconds(second)));
            }
        }
        assertThat(distinct).isEqualTo(expected);
    }

    @Test
    default void aRowWithUnrecordedFiresStaysWithItsOwner() {
        JdbcClient jdbc = db().jdbcClient();
        Instant start = T0.plusSeconds(1000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, Task.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture a = instance("owner-a", clock);
        EngineFixture b = instance("other-b", clock);
        assertThat(a.claim(start, start.plusSeconds(2), 10)).hasSize(1);
        // a has not recorded its fires: its watermark is the first of them
        assertThat(b.claim(start.plusSeconds(1), start.plusSeconds(4), 10)).isEmpty();
        assertThat(EngineFixture.leaseOwner(jdbc, id)).isEqualTo("owner-a");
        // a claims its own row again
        assertThat(a.claim(start.plusSeconds(1), start.plusSeconds(3), 10)).hasSize(1);
        // once a has recorded everything, the row is free for anyone
        a.instances.heartbeat("owner-a", null, start.plusSeconds(2));
        List<FirePlan> taken = b.claim(start.plusSeconds(2), start.plusSeconds(5), 10);
        assertThat(taken).hasSize(1);
        assertThat(taken.getFirst().fires()).extracting(PlannedFire::scheduledTime)
                .containsExactly(start.plusSeconds(4), start.plusSeconds(5));
        assertThat(EngineFixture.leaseOwner(jdbc, id)).isEqualTo("other-b");
    }

    @Test
    default void missedFiresUnderFireOnceCatchUpOnce() {
        JdbcClient jdbc = db().jdbcClient();
        Instant start = T0.plusSeconds(3600);
        long id = EngineFixture.insertTask(jdbc, "0 * * * * *", Task.ENABLED, start.plusSeconds(60), start, "FIRE_ONCE");
        Instant now = start.plusSeconds(3600 + 15);
        MutableClock clock = new MutableClock(now, ZoneOffset.UTC);
        List<FirePlan> plans = instance("x", clock).claim(now, now.plusSeconds(2), 10);
        assertThat(plans).hasSize(1);
        assertThat(plans.getFirst().fires()).containsExactly(
                new PlannedFire(start.plusSeconds(60), TriggerType.MISFIRE, null));
        assertThat(EngineFixture.task(jdbc, id).nextExecuteTime()).isEqualTo(start.plusSeconds(3660));
    }

    @Test
    default void missedFiresUnderSkipLeaveOneRecordOfTheSkip() {
        JdbcClient jdbc = db().jdbcClient();
        Instant start = T0.plusSeconds(7200);
        long id = EngineFixture.insertTask(jdbc, "0 * * * * *", Task.ENABLED, start.plusSeconds(60), start, "SKIP");
        Instant now = start.plusSeconds(600).plusMillis(500);
        MutableClock clock = new MutableClock(now, ZoneOffset.UTC);
        List<FirePlan> plans = instance("y", clock).claim(now, now.plusSeconds(2), 10);
        PlannedFire skipped = plans.getFirst().fires().getFirst();
        assertThat(plans.getFirst().fires()).hasSize(1);
        assertThat(skipped.trigger()).isEqualTo(TriggerType.MISFIRE);
        assertThat(skipped.skipReason()).contains("misfirePolicy SKIP");
        assertThat(EngineFixture.task(jdbc, id).nextExecuteTime()).isEqualTo(start.plusSeconds(660));
    }

    @Test
    default void lateFiresWithinTheThresholdAllRun() {
        JdbcClient jdbc = db().jdbcClient();
        Instant start = T0.plusSeconds(4000);
        EngineFixture.insertTask(jdbc, EVERY_SECOND, Task.ENABLED, start.plusSeconds(1), start, "SKIP");
        Instant now = start.plusSeconds(30);
        List<FirePlan> plans = instance("z", new MutableClock(now, ZoneOffset.UTC)).claim(now, now.plusSeconds(1), 10);
        assertThat(plans.getFirst().fires()).hasSize(31)
                .allSatisfy(fire -> assertThat(fire.trigger()).isEqualTo(TriggerType.CRON));
    }

    @Test
    default void aTemporaryTaskFiresOnceThenDisablesItself() {
        JdbcClient jdbc = db().jdbcClient();
        Instant start = T0.plusSeconds(5000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, Task.TEMPORARY, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture instance = instance("t", clock);
        List<FirePlan> plans = instance.claim(start, start.plusSeconds(5), 10);
        assertThat(plans.getFirst().fires()).extracting(PlannedFire::scheduledTime).containsExactly(start.plusSeconds(1));
        Task after = EngineFixture.task(jdbc, id);
        assertThat(after.status()).isEqualTo(Task.DISABLED);
        assertThat(after.nextExecuteTime()).isNull();
        assertThat(instance.claim(start.plusSeconds(5), start.plusSeconds(10), 10)).isEmpty();
    }

    @Test
    default void firesOfASilentInstanceAreTakenOverFromTheFirstUnrecordedOne() {
        JdbcClient jdbc = db().jdbcClient();
        Instant start = T0.plusSeconds(6000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, Task.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture dying = instance("dying", clock);
        EngineFixture survivor = instance("survivor", clock);
        assertThat(dying.claim(start, start.plusSeconds(5), 10).getFirst().fires()).hasSize(5);
        // it recorded the first two fires, then died before saying so
        RecordTables tables = new RecordTables(db().jdbcTemplate(), db().dialect(), Clock.systemUTC());
        recordFire(jdbc, tables, id, start.plusSeconds(1));
        recordFire(jdbc, tables, id, start.plusSeconds(2));

        clock.set(start.plus(EngineFixture.LEASE).plusSeconds(1));
        survivor.instances.heartbeat("survivor", null, clock.instant());
        assertThat(survivor.reaper.reap(clock.instant())).isEqualTo(1);
        assertThat(EngineFixture.leaseOwner(jdbc, id)).isNull();
        assertThat(EngineFixture.task(jdbc, id).nextExecuteTime()).isEqualTo(start.plusSeconds(3));

        Instant now = clock.instant();
        List<FirePlan> takenOver = survivor.claim(now, now.plusSeconds(1), 10);
        assertThat(takenOver.getFirst().fires()).extracting(PlannedFire::scheduledTime)
                .startsWith(start.plusSeconds(3), start.plusSeconds(4), start.plusSeconds(5), start.plusSeconds(6))
                .allSatisfy(time -> assertThat(time).isBefore(now.plusSeconds(2)));
        assertThat(takenOver.getFirst().fires()).allSatisfy(fire -> assertThat(fire.trigger()).isEqualTo(TriggerType.CRON));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engine_instance WHERE id = 'dying'").query(Long.class).single()).isZero();
    }

    @Test
    default void anInstanceThatWasTakenForDeadRegistersAgain() {
        MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
        EngineFixture instance = instance("zombie", clock);
        instance.instances.remove("zombie");
        assertThat(instance.instances.heartbeat("zombie", null, T0)).isFalse();
        instance.instances.register("zombie", "test", null, T0.plus(Duration.ofSeconds(1)));
        assertThat(instance.instances.heartbeat("zombie", null, T0.plusSeconds(2))).isTrue();
    }

    private static void recordFire(JdbcClient jdbc, RecordTables tables, long taskId, Instant scheduled) {
        String table = tables.ensure(YearMonth.from(scheduled.atZone(ZoneOffset.UTC)));
        jdbc.sql("INSERT INTO " + table + " (task_id, task_name, task_type, department_id, fire_id, scheduled_time,"
                        + " success, status, trigger_type) VALUES (?, 'n', 'HTTP', 1, ?, ?, 1, 1, 'CRON')")
                .params(taskId, ExecutionRecord.fireId(taskId, scheduled), SqlTime.toDb(scheduled)).update();
    }
}
