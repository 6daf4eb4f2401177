package io.distributedjob.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.distributedjob.cluster.Cluster;
import io.distributedjob.config.JobSettings;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.execution.FireTracing;
import io.distributedjob.execution.HttpTaskExecutor;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.execution.TaskExecutors;
import io.distributedjob.metrics.MicrometerSchedulerMetrics;
import io.distributedjob.org.OrgDirectories;
import io.distributedjob.record.RecordFixtures;
import io.distributedjob.record.RecordTables;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.support.EngineDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** A complete engine of one simulated instance (timer, executor, record writer) over a test database. */
final class RunningEngine implements AutoCloseable {

    final SchedulingEngine engine;
    final RecordWriter records;
    final InstanceId instanceId = new InstanceId();
    private final HttpTaskExecutor http;

    RunningEngine(EngineDatabase db, Clock clock, JobSettings settings) {
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        records = new RecordWriter(tables, db.jdbcTemplate(), db.transactions(), clock, settings, new MicrometerSchedulerMetrics(new SimpleMeterRegistry()));
        http = new HttpTaskExecutor(JsonMapper.builder().build(), settings);
        FireExecutor executor = new FireExecutor(new TaskExecutors(List.of(http)), records, clock, settings, instanceId,
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), FireTracing.off());
        engine = new SchedulingEngine(settings, clock, instanceId, db.jdbcTemplate(), db.transactions(), db.dialect(),
                executor, records, RecordFixtures.service(db, tables, clock),
                OrgDirectories.departments(db.jdbcTemplate()), new MicrometerSchedulerMetrics(new SimpleMeterRegistry()),
                Cluster.standalone(instanceId.value(), instanceId.host(), clock));
        records.start();
        engine.start();
    }

    /** Graceful shutdown as {@code GET /shutdown} does it. */
    void drain(Instant deadline) throws InterruptedException {
        engine.stopAccepting();
        engine.awaitIdle(deadline);
    }

    @Override
    public void close() {
        engine.stop();
        records.stop();
        http.close();
    }
}
