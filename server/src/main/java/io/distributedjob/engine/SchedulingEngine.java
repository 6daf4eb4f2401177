package io.distributedjob.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.distributedjob.cluster.Cluster;
import io.distributedjob.config.JobSettings;
import io.distributedjob.config.KafkaSettings;
import io.distributedjob.dispatch.FireDispatch;
import io.distributedjob.execution.Fire;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.lifecycle.Drainable;
import io.distributedjob.metrics.SchedulerMetrics;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.storage.SqlDialect;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskEngine;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduling engine of this instance. Its poll loop runs, every {@code job.pollIntervalMs}, the duties of a
 * round (heartbeat and watermark, disabled departments, take-overs, edits and deletions made elsewhere, balance)
 * and then claims the fires due within {@code job.lookaheadMs} that it has room for; claimed fires wait on the
 * in-memory timer and start at their instant on the fire executor.
 */
@Component
public class SchedulingEngine implements SmartLifecycle, Drainable, TaskEngine {

    private static final Logger log = LoggerFactory.getLogger(SchedulingEngine.class);

    private final JobSettings settings;
    private final Clock clock;
    private final String self;
    private final String host;
    private final EngineInstances instances;
    private final ClaimStore store;
    private final FireExecutor executor;
    private final RecordWriter records;
    private final Fence fence;
    private final HeldFires held;
    private final PollLoop loop;
    private final boolean claims;
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private volatile boolean running;

    public SchedulingEngine(JobSettings settings, Clock clock, InstanceId instanceId, JdbcTemplate jdbc,
                            TransactionTemplate transactions, SqlDialect dialect, FireExecutor executor,
                            RecordWriter records, RecordService recordService, DepartmentDirectory departmentDirectory,
                            SchedulerMetrics metrics, Cluster cluster, FireDispatch dispatch, KafkaSettings kafka) {
        this.settings = settings;
        this.clock = clock;
        this.self = instanceId.value();
        this.host = instanceId.host();
        JdbcClient client = JdbcClient.create(jdbc);
        this.instances = new EngineInstances(client);
        this.store = new ClaimStore(jdbc, transactions, instances, dialect);
        FirePlanner planner = new FirePlanner(Duration.ofSeconds(settings.misfireThresholdSeconds()));
        LeaseReaper reaper = new LeaseReaper(instances, store, recordService, lease(), self, metrics,
                cluster.membership(), cluster.partition()::owns);
        this.executor = executor;
        this.records = records;
        DisabledDepartments departments = new DisabledDepartments(departmentDirectory);
        this.fence = new Fence(lease(), clock.instant(), cluster.fencing());
        this.held = new HeldFires(clock, self, store, executor, dispatch, records, fence);
        this.claims = kafka.claimsHere();
        Duration pollInterval = Duration.ofMillis(settings.pollIntervalMs());
        ClaimStep claim = new ClaimStep(store, planner, self, settings.claimBatchSize(), settings.queueSize(),
                held.outstanding(), held.leased(), departments, held, cluster.partition()::owns);
        ReapingDuty reaping = new ReapingDuty(reaper, store, lease(), cluster.leader());
        StandingAsideDuty standingAside = new StandingAsideDuty(fence, cluster.membership(), cluster.leader());
        List<RoundDuty> round = List.of(
                new HeartbeatDuty(instances, self, host, held, fence, executor::running),
                standingAside,
                departments,
                reaping,
                new RemoteEditsDuty(store, held, pollInterval, clock.instant()),
                cluster.partitioned() ? new PartitionDuty(cluster.partition(), held)
                        : new BalancingDuty(instances, store, held, lease(), pollInterval));
        this.loop = new PollLoop(clock, pollInterval, round,
                new ClaimingDuty(clock, claim, Duration.ofMillis(settings.lookaheadMs()), pollInterval, fence, metrics),
                metrics,
                failure -> {
                    fence.dutyFailed(failure);
                    // at once, not at the next round, whose heartbeat may first wait out the pool's connection timeout
                    if (fence.databaseOutOfReach(clock.instant())) {
                        standingAside.run(clock.instant());
                    }
                });
        cluster.membership().onMemberGone(member -> {
            reaping.memberGone(member);
            loop.roundNow();
        });
        // a member that joins or goes moves tasks between partitions: the new owners claim them at once
        cluster.membership().onMembersChanged(loop::wakeUp);
        // a herd larger than the queue is claimed in waves as its first fires start, not one queue per interval
        executor.onWorkerTaken(() -> {
            if (claim.roomForAWave()) {
                loop.wakeUp();
            }
        });
    }

    @Override
    public void start() {
        accepting.set(true);
        executor.startAccepting();
        running = true;
        if (!claims) {
            log.info("Scheduling engine {} only executes fires consumed from Kafka (kafka.role EXECUTOR)", self);
            return;
        }
        Instant now = clock.instant();
        instances.register(self, host, held.outstanding().watermark(), now);
        fence.renewed(now);
        held.start();
        loop.start();
        log.info("Scheduling engine {} started (poll {} ms, look-ahead {} ms, lease {} s)", self,
                settings.pollIntervalMs(), settings.lookaheadMs(), settings.leaseSeconds());
    }

    @Override
    public void stop() {
        if (accepting.get()) {
            stopAccepting();
            try {
                awaitIdle(clock.instant().plus(settings.shutdownWait()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return RecordWriter.PHASE + 1;
    }

    @Override
    public void stopAccepting() {
        if (!accepting.compareAndSet(true, false)) {
            return;
        }
        running = false;
        loop.stop();
        executor.stopAccepting();
        held.stop();
    }

    @Override
    public boolean awaitIdle(Instant deadline) throws InterruptedException {
        boolean finished = executor.awaitIdle(deadline);
        records.flush(deadline);
        Instant watermark = held.outstanding().watermark();
        try {
            if (watermark == null) {
                instances.remove(self);
            } else {
                instances.heartbeat(self, watermark, clock.instant());
                log.warn("{} claimed fires are left to other instances after the lease expires",
                        held.outstanding().size());
            }
        } catch (RuntimeException e) {
            log.warn("Could not unregister engine instance {}: {}", self, e.toString());
        }
        return finished;
    }

    @Override
    public void taskChanged(Task task) {
        held.revise(task);
        loop.wakeUp();
    }

    @Override
    public void taskDeleted(long taskId) {
        held.deleted(taskId);
    }

    @Override
    public StartedFire runNow(Task task, TriggerType trigger) {
        if (!accepting.get()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "the server is shutting down");
        }
        Fire fire = new Fire(task, clock.instant().truncatedTo(ChronoUnit.MILLIS), trigger, false);
        held.dispatch(fire);
        return new StartedFire(fire.fireId(), fire.scheduledTime());
    }

    /** Fires waiting on this instance's timer (for tests and diagnostics). */
    int pendingFires() {
        return held.pending();
    }

    private Duration lease() {
        return Duration.ofSeconds(settings.leaseSeconds());
    }
}
