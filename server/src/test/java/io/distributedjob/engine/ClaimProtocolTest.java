package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.distributedjob.execution.Fire;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordTables;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.Database;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.MutableClock;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionSystemException;

/**
 * The claim protocol on a real database (a fresh one per test): exactly-once claims between competing instances, leases, misfires,
 * temporary tasks and takeover from a silent instance. Times are far in the future and move only with a
 * {@link MutableClock}.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class ClaimProtocolTest {

    static final Instant T0 = Instant.parse("2090-03-01T00:00:00Z");
    static final String EVERY_SECOND = "* * * * * *";

    @Parameter
    Database database;

    @AutoClose
    private EngineDatabase db;

    @BeforeEach
    void open() {
        db = database.open();
    }

    EngineFixture instance(String id, MutableClock clock) {
        EngineFixture fixture = new EngineFixture(db, id, clock);
        fixture.instances.register(id, "test", null, clock.instant());
        return fixture;
    }

    @Test
    void competingInstancesClaimEachFireExactlyOnce() throws Exception {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(100);
        int tasks = 150;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            ids.add(EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE"));
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
                        for (FirePlan plan : instance.claim(now, horizon)) {
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
    void aRowWithUnrecordedFiresStaysWithItsOwner() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(1000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture a = instance("owner-a", clock);
        EngineFixture b = instance("other-b", clock);
        assertThat(a.claim(start, start.plusSeconds(2))).hasSize(1);
        // a has not recorded its fires: its watermark is the first of them
        assertThat(b.claim(start.plusSeconds(1), start.plusSeconds(4))).isEmpty();
        assertThat(EngineFixture.leaseOwner(jdbc, id)).isEqualTo("owner-a");
        // a claims its own row again
        assertThat(a.claim(start.plusSeconds(1), start.plusSeconds(3))).hasSize(1);
        // once a has recorded everything, the row is free for anyone
        a.instances.heartbeat("owner-a", null, start.plusSeconds(2));
        List<FirePlan> taken = b.claim(start.plusSeconds(2), start.plusSeconds(5));
        assertThat(taken).hasSize(1);
        assertThat(taken.getFirst().fires()).extracting(PlannedFire::scheduledTime)
                .containsExactly(start.plusSeconds(4), start.plusSeconds(5));
        assertThat(EngineFixture.leaseOwner(jdbc, id)).isEqualTo("other-b");
    }

    @Test
    void missedFiresUnderFireOnceCatchUpOnce() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(3600);
        long id = EngineFixture.insertTask(jdbc, "0 * * * * *", TaskStatus.ENABLED, start.plusSeconds(60), start, "FIRE_ONCE");
        Instant now = start.plusSeconds(3600 + 15);
        MutableClock clock = new MutableClock(now, ZoneOffset.UTC);
        List<FirePlan> plans = instance("x", clock).claim(now, now.plusSeconds(2));
        assertThat(plans).hasSize(1);
        assertThat(plans.getFirst().fires()).containsExactly(
                new PlannedFire(start.plusSeconds(60), TriggerType.MISFIRE, null));
        assertThat(EngineFixture.task(jdbc, id).cursor().nextExecuteTime()).isEqualTo(start.plusSeconds(3660));
    }

    @Test
    void missedFiresUnderSkipLeaveOneRecordOfTheSkip() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(7200);
        long id = EngineFixture.insertTask(jdbc, "0 * * * * *", TaskStatus.ENABLED, start.plusSeconds(60), start, "SKIP");
        Instant now = start.plusSeconds(600).plusMillis(500);
        MutableClock clock = new MutableClock(now, ZoneOffset.UTC);
        List<FirePlan> plans = instance("y", clock).claim(now, now.plusSeconds(2));
        PlannedFire skipped = plans.getFirst().fires().getFirst();
        assertThat(plans.getFirst().fires()).hasSize(1);
        assertThat(skipped.trigger()).isEqualTo(TriggerType.MISFIRE);
        assertThat(skipped.skipReason()).contains("misfirePolicy SKIP");
        assertThat(EngineFixture.task(jdbc, id).cursor().nextExecuteTime()).isEqualTo(start.plusSeconds(660));
    }

    @Test
    void lateFiresWithinTheThresholdAllRun() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(4000);
        EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "SKIP");
        Instant now = start.plusSeconds(30);
        List<FirePlan> plans = instance("z", new MutableClock(now, ZoneOffset.UTC)).claim(now, now.plusSeconds(1));
        assertThat(plans.getFirst().fires()).hasSize(31)
                .allSatisfy(fire -> assertThat(fire.trigger()).isEqualTo(TriggerType.CRON));
    }

    @Test
    void aTemporaryTaskFiresOnceThenDisablesItself() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(5000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.TEMPORARY, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture instance = instance("t", clock);
        List<FirePlan> plans = instance.claim(start, start.plusSeconds(5));
        assertThat(plans.getFirst().fires()).extracting(PlannedFire::scheduledTime).containsExactly(start.plusSeconds(1));
        Task after = EngineFixture.task(jdbc, id);
        assertThat(after.definition().status()).isEqualTo(TaskStatus.DISABLED);
        assertThat(after.cursor().nextExecuteTime()).isNull();
        assertThat(instance.claim(start.plusSeconds(5), start.plusSeconds(10))).isEmpty();
    }

    @Test
    void firesOfASilentInstanceAreTakenOverFromTheFirstUnrecordedOne() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(6000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture dying = instance("dying", clock);
        EngineFixture survivor = instance("survivor", clock);
        assertThat(dying.claim(start, start.plusSeconds(5)).getFirst().fires()).hasSize(5);
        // it recorded the first two fires, then died before saying so
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        recordFire(jdbc, tables, id, start.plusSeconds(1));
        recordFire(jdbc, tables, id, start.plusSeconds(2));

        clock.set(start.plus(EngineFixture.LEASE).plusSeconds(1));
        survivor.instances.heartbeat("survivor", null, clock.instant());
        assertThat(survivor.reaper.reap(clock.instant())).isEqualTo(1);
        assertThat(EngineFixture.leaseOwner(jdbc, id)).isNull();
        assertThat(EngineFixture.task(jdbc, id).cursor().nextExecuteTime()).isEqualTo(start.plusSeconds(3));

        Instant now = clock.instant();
        List<FirePlan> takenOver = survivor.claim(now, now.plusSeconds(1));
        assertThat(takenOver.getFirst().fires()).extracting(PlannedFire::scheduledTime)
                .startsWith(start.plusSeconds(3), start.plusSeconds(4), start.plusSeconds(5), start.plusSeconds(6))
                .allSatisfy(time -> assertThat(time).isBefore(now.plusSeconds(2)));
        assertThat(takenOver.getFirst().fires()).allSatisfy(fire -> assertThat(fire.trigger()).isEqualTo(TriggerType.CRON));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engine_instance WHERE id = 'dying'").query(Long.class).single()).isZero();
    }

    @Test
    void aMemberTheClusterReportsGoneIsTakenOverAtOnceThoughItsHeartbeatIsFresh() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(7000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture gone = instance("gone", clock);
        EngineFixture survivor = instance("survivor", clock);
        assertThat(gone.claim(start, start.plusSeconds(5)).getFirst().fires()).hasSize(5);
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        recordFire(jdbc, tables, id, start.plusSeconds(1));

        clock.set(start.plusSeconds(2));
        assertThat(survivor.reaper.reap(clock.instant())).as("its database heartbeat is still fresh").isZero();
        assertThat(survivor.reaper.takeOverGone("gone", 42)).isEqualTo(1);

        assertThat(EngineFixture.leaseOwner(jdbc, id)).isNull();
        assertThat(EngineFixture.task(jdbc, id).cursor().nextExecuteTime()).isEqualTo(start.plusSeconds(2));
        assertThat(survivor.reaper.takeOverGone("gone", 42)).as("a second report changes nothing").isZero();
        assertThat(survivor.reaper.takeOverGone("survivor", 43)).as("never from itself").isZero();
    }

    @Test
    void aMemberReportedGoneLeavesToEachSurvivorTheRowsOfItsOwnPartition() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(7200);
        long mine = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        long theirs = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture gone = instance("gone", clock);
        EngineFixture survivor = instance("survivor", clock);
        EngineFixture other = instance("other", clock);
        survivor.othersTasks.add(theirs);
        other.othersTasks.add(mine);
        assertThat(gone.claim(start, start.plusSeconds(5))).hasSize(2);

        clock.set(start.plusSeconds(2));
        assertThat(survivor.reaper.takeOverGone("gone", 42)).isEqualTo(1);
        assertThat(EngineFixture.leaseOwner(jdbc, mine)).isNull();
        assertThat(EngineFixture.leaseOwner(jdbc, theirs)).as("left to the member whose partition it is").isEqualTo("gone");
        assertThat(other.reaper.takeOverGone("gone", 42)).isEqualTo(1);
        assertThat(EngineFixture.leaseOwner(jdbc, theirs)).isNull();
    }

    @Test
    void aMemberReportedGoneThatRegisteredAgainKeepsItsClaims() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(7500);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture back = instance("back", clock);
        EngineFixture survivor = instance("survivor", clock);
        // etcd expired the old registration of "back", which registered again before the report was acted on
        survivor.registered.add("back");
        assertThat(back.claim(start, start.plusSeconds(5)).getFirst().fires()).hasSize(5);

        clock.set(start.plusSeconds(2));
        assertThat(survivor.reaper.takeOverGone("back", 42)).isZero();

        assertThat(EngineFixture.leaseOwner(jdbc, id)).isEqualTo("back");
        assertThat(EngineFixture.task(jdbc, id).cursor().nextExecuteTime()).isEqualTo(start.plusSeconds(6));
        assertThat(survivor.claim(clock.instant(), clock.instant().plusSeconds(3))).as("no fire claimed twice").isEmpty();
    }

    @Test
    void anInstanceThatWasTakenForDeadRegistersAgain() {
        MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
        EngineFixture instance = instance("zombie", clock);
        instance.instances.remove("zombie");
        assertThat(instance.instances.heartbeat("zombie", null, T0)).isFalse();
        instance.instances.register("zombie", "test", null, T0.plus(Duration.ofSeconds(1)));
        assertThat(instance.instances.heartbeat("zombie", null, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void anInstanceClaimsOnlyWhatItHasRoomForAndLeavesTheRestToOthers() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(8000);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE"));
        }
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture a = roomy("room-a", clock, 5);
        EngineFixture b = roomy("room-b", clock, 5);
        Instant horizon = start.plusSeconds(1);

        assertThat(firesOf(a.claim(start, horizon))).isEqualTo(5);
        assertThat(a.held).hasSize(5);
        assertThat(unclaimed(jdbc, ids, start.plusSeconds(1))).isEqualTo(7);
        // a full instance claims nothing more; the other takes what it has room for
        assertThat(a.claim(start, horizon)).isEmpty();
        assertThat(firesOf(b.claim(start, horizon))).isEqualTo(5);
        assertThat(unclaimed(jdbc, ids, start.plusSeconds(1))).isEqualTo(2);
        // once a has started its fires, it takes the rest of the herd
        a.startHeld();
        assertThat(firesOf(a.claim(start, horizon))).isEqualTo(2);
        assertThat(unclaimed(jdbc, ids, start.plusSeconds(1))).isZero();
        Set<String> claimed = new HashSet<>();
        List.of(a.held, b.held).forEach(held -> held.forEach(fire -> claimed.add(fire.fireId())));
        assertThat(claimed).hasSize(7);
    }

    @Test
    void aClaimWhoseTimeIsUpStopsAfterItsBatchAndTheNextPassTakesTheRest() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(8500);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < EngineFixture.BATCH * 2 + 5; i++) {
            ids.add(EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE"));
        }
        EngineFixture instance = instance("hurried", new MutableClock(start, ZoneOffset.UTC));
        Instant horizon = start.plusSeconds(1);

        assertThat(firesOf(instance.claim(start, horizon, () -> true))).isEqualTo(EngineFixture.BATCH);
        assertThat(instance.lastClaimCutShort()).isTrue();
        assertThat(unclaimed(jdbc, ids, start.plusSeconds(1))).isEqualTo(EngineFixture.BATCH + 5);
        assertThat(firesOf(instance.claim(start, horizon, () -> true))).isEqualTo(EngineFixture.BATCH);
        assertThat(firesOf(instance.claim(start, horizon, () -> true))).isEqualTo(5);
        assertThat(instance.lastClaimCutShort()).isFalse();
        assertThat(unclaimed(jdbc, ids, start.plusSeconds(1))).isZero();
    }

    @Test
    void aLongBacklogIsClaimedNoFasterThanTheRoomAllows() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(9000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        Instant now = start.plusSeconds(30);
        EngineFixture instance = roomy("backlog", new MutableClock(now, ZoneOffset.UTC), 4);
        assertThat(instance.claim(now, now).getFirst().fires()).extracting(PlannedFire::scheduledTime)
                .containsExactly(start.plusSeconds(1), start.plusSeconds(2), start.plusSeconds(3), start.plusSeconds(4));
        assertThat(EngineFixture.task(jdbc, id).cursor().nextExecuteTime()).isEqualTo(start.plusSeconds(5));
    }

    @Test
    void aBadCronLeasedByADeadInstanceIsReportedOnceAndGoodTasksKeepFiring() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(10_000);
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture dead = instance("dead", clock);
        long bad = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        List<Long> good = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            good.add(EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE"));
        }
        assertThat(dead.claim(start, start.plusSeconds(3))).hasSize(4);
        // the bad row's schedule is written straight into the table, as an older version might have left it
        jdbc.sql("UPDATE task SET cron_expression = 'not a cron' WHERE id = ?").param(bad).update();

        clock.set(start.plus(EngineFixture.LEASE).plusSeconds(5));
        EngineFixture survivor = instance("survivor", clock);
        Instant now = clock.instant();
        assertThat(survivor.reaper.reap(now)).isEqualTo(4);
        List<FirePlan> first = survivor.claim(now, now.plusSeconds(1));
        assertThat(first).extracting(FirePlan::taskId).containsAll(good);
        assertThat(survivor.held).extracting(fire -> fire.task().id()).containsAll(good).doesNotContain(bad);
        assertThat(survivor.skipped).hasSize(1);
        assertThat(survivor.skipped.values().iterator().next()).contains("cannot be evaluated");

        for (int poll = 1; poll <= 3; poll++) {
            Instant later = now.plusSeconds(poll);
            clock.set(later);
            survivor.reaper.reap(later);
            assertThat(survivor.claim(later, later.plusSeconds(1))).extracting(FirePlan::taskId)
                    .containsExactlyInAnyOrderElementsOf(good);
        }
        assertThat(survivor.skipped).hasSize(1);
    }

    @Test
    void aTaskOfADisabledDepartmentRecordsEachFireAsSkippedUntilEnabled() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(12_000);
        long department = OrgRows.department(jdbc, 0);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        jdbc.sql("UPDATE task SET department_id = ? WHERE id = ?").params(department, id).update();
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        EngineFixture instance = instance("departments", clock);

        Instant now = start.plusSeconds(3);
        instance.claim(now, now.plusSeconds(2));
        assertThat(instance.held).isEmpty();
        assertThat(instance.skipped.keySet()).containsExactlyInAnyOrder(ExecutionRecord.fireId(id, start.plusSeconds(1)),
                ExecutionRecord.fireId(id, start.plusSeconds(2)), ExecutionRecord.fireId(id, start.plusSeconds(3)));
        assertThat(instance.skipped.values()).allSatisfy(reason ->
                assertThat(reason).contains("department " + department + " or one above it is disabled"));

        jdbc.sql("UPDATE department SET status = 1 WHERE id = ?").param(department).update();
        instance.claim(now, now.plusSeconds(2));
        assertThat(instance.held).extracting(Fire::scheduledTime)
                .containsExactly(start.plusSeconds(4), start.plusSeconds(5));
        assertThat(instance.skipped).hasSize(3);
    }

    @Test
    void aClaimWhoseAcknowledgementIsLostStillRunsItsFires() {
        JdbcClient jdbc = db.jdbcClient();
        Instant start = T0.plusSeconds(14_000);
        long id = EngineFixture.insertTask(jdbc, EVERY_SECOND, TaskStatus.ENABLED, start.plusSeconds(1), start, "FIRE_ONCE");
        MutableClock clock = new MutableClock(start, ZoneOffset.UTC);
        AckLosingTransactions transactions = new AckLosingTransactions(db.jdbcTemplate().getDataSource());
        EngineFixture instance = new EngineFixture(db, "unacknowledged", clock, EngineFixture.ROOM,
                transactions.template());
        instance.instances.register("unacknowledged", "test", null, start);

        transactions.loseNextAcknowledgement();
        assertThatThrownBy(() -> instance.claim(start, start.plusSeconds(2)))
                .isInstanceOf(TransactionSystemException.class);
        // the claim did commit: the row's cursor is past the two fires and leased here
        assertThat(EngineFixture.task(jdbc, id).cursor().nextExecuteTime()).isEqualTo(start.plusSeconds(3));
        assertThat(EngineFixture.leaseOwner(jdbc, id)).isEqualTo("unacknowledged");
        // they stay counted in the watermark while in doubt
        assertThat(instance.outstanding.watermark()).isEqualTo(start.plusSeconds(1));

        instance.claim(start.plusSeconds(1), start.plusSeconds(2));
        assertThat(instance.held).extracting(Fire::fireId).containsExactly(
                ExecutionRecord.fireId(id, start.plusSeconds(1)), ExecutionRecord.fireId(id, start.plusSeconds(2)));
    }

    private EngineFixture roomy(String id, MutableClock clock, int queueSize) {
        EngineFixture fixture = new EngineFixture(db, id, clock, queueSize, db.transactions());
        fixture.instances.register(id, "test", null, clock.instant());
        return fixture;
    }

    private static int firesOf(List<FirePlan> plans) {
        return plans.stream().mapToInt(plan -> plan.fires().size()).sum();
    }

    private static long unclaimed(JdbcClient jdbc, List<Long> ids, Instant cursor) {
        return ids.stream().filter(id -> EngineFixture.leaseOwner(jdbc, id) == null
                && cursor.equals(EngineFixture.task(jdbc, id).cursor().nextExecuteTime())).count();
    }

    private static void recordFire(JdbcClient jdbc, RecordTables tables, long taskId, Instant scheduled) {
        String table = tables.ensure(YearMonth.from(scheduled.atZone(ZoneOffset.UTC)));
        jdbc.sql("INSERT INTO " + table + " (task_id, task_name, task_type, department_id, fire_id, scheduled_time,"
                        + " success, status, trigger_type) VALUES (?, 'n', 'HTTP', 1, ?, ?, 1, 1, 'CRON')")
                .params(taskId, ExecutionRecord.fireId(taskId, scheduled), SqlTime.toDb(scheduled)).update();
    }
}
