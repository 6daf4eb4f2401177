package io.distributedjob.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.distributedjob.record.RecordFixtures;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.RecordTables;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Engine parts of one simulated instance over a shared test database, and helpers to write task rows and
 * records directly.
 */
final class EngineFixture {

    static final Duration LEASE = Duration.ofSeconds(10);
    static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(60);

    final String id;
    final EngineInstances instances;
    final ClaimStore store;
    final FirePlanner planner = new FirePlanner(MISFIRE_THRESHOLD);
    final LeaseReaper reaper;
    private final JdbcClient jdbc;

    EngineFixture(EngineDatabase db, String id, Clock clock) {
        this.id = id;
        this.jdbc = db.jdbcClient();
        this.instances = new EngineInstances(jdbc);
        this.store = new ClaimStore(db.jdbcTemplate(), db.transactions(), instances, db.dialect());
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        RecordService records = RecordFixtures.service(db, tables, clock);
        this.reaper = new LeaseReaper(instances, store, records, LEASE, id);
    }

    /** One poll of this instance at {@code now}: every fire due up to {@code horizon} that it wins. */
    List<FirePlan> claim(Instant now, Instant horizon, int batch) {
        List<FirePlan> won = new ArrayList<>();
        List<DueTask> due;
        do {
            due = store.findDue(id, horizon, batch);
            if (due.isEmpty()) {
                break;
            }
            List<FirePlan> plans = due.stream().map(row -> planner.plan(row, id, now, horizon)).toList();
            Instant earliest = plans.stream().flatMap(p -> p.fires().stream()).map(FirePlan.PlannedFire::scheduledTime)
                    .min(Instant::compareTo).orElse(now);
            Set<Long> ids = store.claim(plans, id, earliest, now);
            plans.stream().filter(plan -> ids.contains(plan.taskId())).forEach(won::add);
        } while (due.size() == batch);
        return won;
    }

    static long insertTask(JdbcClient jdbc, String cron, int status, Instant next, Instant created, String misfirePolicy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO task (name, department_id, task_type, cron_expression, timezone, status, url, http_method,"
                        + " misfire_policy, concurrency_policy, next_execute_time, creator_id, create_time, update_time)"
                        + " VALUES (?, 1, 'HTTP', ?, 'UTC', ?, 'http://127.0.0.1:9/', 'GET', ?, 'ALLOW', ?, 1, ?, ?)")
                .params("task-" + System.nanoTime(), cron, status, misfirePolicy, SqlTime.toDb(next),
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
}
