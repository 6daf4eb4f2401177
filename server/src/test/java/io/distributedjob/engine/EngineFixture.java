package io.distributedjob.engine;

import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.distributedjob.cluster.ClusterMembership;
import io.distributedjob.cluster.Member;
import io.distributedjob.cluster.MemberGone;
import io.distributedjob.execution.Fire;
import io.distributedjob.org.OrgDirectories;
import io.distributedjob.record.RecordFixtures;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.RecordTables;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import io.distributedjob.task.TaskRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Engine parts of one simulated instance over a shared test database, driving the engine's own claim step, and
 * helpers to write task rows and records directly. The fires it claims are held in lists the test reads (and
 * "starts", which frees the room they took).
 */
final class EngineFixture {

    static final Duration LEASE = Duration.ofSeconds(10);
    static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(60);
    static final int BATCH = 10;
    static final int ROOM = 10_000;

    final String id;
    final EngineInstances instances;
    final ClaimStore store;
    final LeaseReaper reaper;
    final OutstandingFires outstanding = new OutstandingFires();
    /** Claimed fires held, not yet started. */
    final List<Fire> held = Collections.synchronizedList(new ArrayList<>());
    /** Claimed fires recorded as not run, with the reason. */
    final Map<String, String> skipped = new ConcurrentHashMap<>();
    /** The members the cluster has registered now, as a member reported gone asks it before taking over. */
    final Set<String> registered = ConcurrentHashMap.newKeySet();
    /** The tasks in other members' partitions. */
    final Set<Long> othersTasks = ConcurrentHashMap.newKeySet();
    private final DisabledDepartments departments;
    private final ClaimStep step;

    EngineFixture(EngineDatabase db, String id, Clock clock) {
        this(db, id, clock, ROOM, db.transactions());
    }

    EngineFixture(EngineDatabase db, String id, Clock clock, int queueSize, TransactionTemplate transactions) {
        this.id = id;
        JdbcClient jdbc = db.jdbcClient();
        this.instances = new EngineInstances(jdbc);
        this.store = new ClaimStore(db.jdbcTemplate(), transactions, instances, db.dialect());
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        RecordService records = RecordFixtures.service(db, tables, clock);
        this.reaper = new LeaseReaper(instances, store, records, LEASE, id, new MicrometerSchedulerMetrics(new SimpleMeterRegistry()),
                new ClusterView(), taskId -> !othersTasks.contains(taskId));
        this.departments = new DisabledDepartments(OrgDirectories.departments(db.jdbcTemplate()));
        FireHolder holder = new FireHolder() {
            @Override
            public int held() {
                return held.size();
            }

            @Override
            public void hold(List<Fire> fires) {
                held.addAll(fires);
            }

            @Override
            public void skip(Fire fire, String reason) {
                skipped.put(fire.fireId(), reason);
            }
        };
        this.step = new ClaimStep(store, new FirePlanner(MISFIRE_THRESHOLD), id, BATCH, queueSize, outstanding,
                new LeasedRows(), departments, holder, taskId -> true);
    }

    /** One poll of this instance at {@code now} (the engine's own claim step): every fire due up to {@code horizon} that it wins. */
    List<FirePlan> claim(Instant now, Instant horizon) {
        return claim(now, horizon, () -> false);
    }

    /** One poll whose time is up whenever {@code timeUp} says so, checked after each batch. */
    List<FirePlan> claim(Instant now, Instant horizon, BooleanSupplier timeUp) {
        departments.run(now);
        return step.claimDue(now, horizon, timeUp);
    }

    /** Whether the last poll stopped for time with due rows left. */
    boolean lastClaimCutShort() {
        return step.cutShort();
    }

    /** Starts every held fire, which leaves room for as many more. */
    List<Fire> startHeld() {
        synchronized (held) {
            List<Fire> started = new ArrayList<>(held);
            held.clear();
            return started;
        }
    }

    static long insertTask(JdbcClient jdbc, String cron, TaskStatus status, Instant next, Instant created, String misfirePolicy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO task (name, department_id, task_type, cron_expression, timezone, status, url, http_method,"
                        + " misfire_policy, concurrency_policy, next_execute_time, creator_id, create_time, update_time)"
                        + " VALUES (?, 1, 'HTTP', ?, 'UTC', ?, 'http://127.0.0.1:9/', 'GET', ?, 'ALLOW', ?, 1, ?, ?)")
                .params("task-" + System.nanoTime(), cron, status.code(), misfirePolicy, SqlTime.toDb(next),
                        SqlTime.toDb(created), SqlTime.toDb(created))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    static Task task(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT " + TaskRows.columns("t") + " FROM task t WHERE t.id = ?").param(id)
                .query((rs, n) -> TaskRows.map(rs)).single();
    }

    static String leaseOwner(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT lease_owner FROM task WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    static Instant utc(String text) {
        return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    /** The cluster as the reaper sees it: only whether a member is registered matters to a takeover. */
    private final class ClusterView implements ClusterMembership {

        @Override
        public String self() {
            return id;
        }

        @Override
        public Set<Member> liveMembers() {
            return Set.of();
        }

        @Override
        public boolean registered(String instanceId) {
            return registered.contains(instanceId);
        }

        @Override
        public void onMemberGone(Consumer<MemberGone> listener) {
            // reports are made by calling the reaper directly
        }

        @Override
        public void onMembersChanged(Runnable listener) {
            // the membership of a fixture never changes
        }
    }
}
