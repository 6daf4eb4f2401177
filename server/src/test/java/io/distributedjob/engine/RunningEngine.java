package io.distributedjob.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.distributedjob.cluster.Cluster;
import io.distributedjob.config.JobSettings;
import io.distributedjob.config.KafkaSettings;
import io.distributedjob.dispatch.FireDispatch;
import io.distributedjob.dispatch.LocalFireDispatch;
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

    /** Fires run where they are claimed. */
    static final KafkaSettings NO_KAFKA = new KafkaSettings(List.of(), "fires", "executors", "PLAINTEXT", "PLAIN", "",
            "", KafkaSettings.Role.BOTH);

    final SchedulingEngine engine;
    final RecordWriter records;
    final FireExecutor executor;
    final InstanceId instanceId = new InstanceId();
    private final HttpTaskExecutor http;
    final Cluster cluster;

    RunningEngine(EngineDatabase db, Clock clock, JobSettings settings) {
        this(db, clock, settings, id -> Cluster.standalone(id.value(), id.host(), clock), LocalFireDispatch::new,
                NO_KAFKA);
    }

    /** An engine in {@code cluster} that hands its claimed fires on through {@code dispatch}. */
    RunningEngine(EngineDatabase db, Clock clock, JobSettings settings, Function<InstanceId, Cluster> cluster,
                  Function<FireExecutor, FireDispatch> dispatch, KafkaSettings kafka) {
        RecordTables tables = new RecordTables(db.jdbcTemplate(), db.dialect(), Clock.systemUTC());
        records = new RecordWriter(tables, db.jdbcTemplate(), db.transactions(), clock, settings, new MicrometerSchedulerMetrics(new SimpleMeterRegistry()));
        http = new HttpTaskExecutor(JsonMapper.builder().build(), settings);
        executor = new FireExecutor(new TaskExecutors(List.of(http)), records, clock, settings, instanceId,
                new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), FireTracing.off());
        this.cluster = cluster.apply(instanceId);
        engine = new SchedulingEngine(settings, clock, instanceId, db.jdbcTemplate(), db.transactions(), db.dialect(),
                executor, records, RecordFixtures.service(db, tables, clock),
                OrgDirectories.departments(db.jdbcTemplate()), new MicrometerSchedulerMetrics(new SimpleMeterRegistry()),
                this.cluster, dispatch.apply(executor), kafka);
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
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
