package io.distributedjob.engine;

import java.time.*;
import java.util.*;
import io.distributedjob.config.JobSettings;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.*;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class PerfProbeTest {
    @Test
    void probe() throws Exception {
        String which = System.getProperty("probe.db", "h2");
        try (EngineDatabase db = which.equals("h2") ? EngineDatabase.h2() : EngineDatabase.mariaDb(); TargetServer target = new TargetServer()) {
            JdbcClient jdbc = db.jdbcClient();
            int n = Integer.getInteger("probe.tasks", 10000);
            Instant base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(3);
            Random random = new Random(1);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant anchor = base.plusMillis(random.nextInt(1000));
                rows.add(new Object[]{"t" + i, target.url("/fire"), SqlTime.toDb(anchor), SqlTime.toDb(anchor.minusSeconds(1))});
            }
            db.jdbcTemplate().batchUpdate("INSERT INTO task (name, department_id, task_type, cron_expression, timezone, status, url, http_method,"
                + " misfire_policy, concurrency_policy, next_execute_time, creator_id, create_time, update_time)"
                + " VALUES (?, 1, 'HTTP', '@every 1s', 'UTC', 1, ?, 'POST', 'FIRE_ONCE', 'ALLOW', ?, 1, ?, ?)",
                rows.stream().map(r -> new Object[]{r[0], r[1], r[2], r[3], r[3]}).toList());
            JobSettings s = new JobSettings(512, 50000, 512, 2, 6, 1000, 2000, 1000, 10, 60, 1000, 200, 4096);
            try (RunningEngine engine = new RunningEngine(db, Clock.systemUTC(), s)) {
                Thread.sleep(8000);
                Instant from = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                Thread.sleep(Integer.getInteger("probe.seconds", 15) * 1000L);
                Instant to = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                Thread.sleep(2000);
                engine.records.flush();
                String table = io.distributedjob.record.RecordTables.tableName(YearMonth.now(ZoneOffset.UTC));
                List<Long> late = jdbc.sql("SELECT TIMESTAMPDIFF(MICROSECOND, scheduled_time, start_time) FROM " + table + " WHERE scheduled_time >= ? AND scheduled_time < ?")
                    .params(SqlTime.toDb(from), SqlTime.toDb(to)).query(Long.class).list();
                List<Long> sorted = new ArrayList<>(late); Collections.sort(sorted);
                long secs = Duration.between(from, to).toSeconds();
                System.out.println("PROBE " + which + " fires/s=" + (late.size() / (double) secs) + " expected/s=" + n
                    + " p50=" + sorted.get(sorted.size()/2)/1000 + "ms p99=" + sorted.get((int)(sorted.size()*0.99))/1000 + "ms max=" + sorted.getLast()/1000 + "ms");
            }
        }
    }
}
