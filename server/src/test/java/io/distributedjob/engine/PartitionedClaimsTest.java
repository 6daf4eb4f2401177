package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.cluster.Cluster;
import io.distributedjob.cluster.Member;
import io.distributedjob.cluster.WorkPartition;
import io.distributedjob.config.ClusterSettings;
import io.distributedjob.dispatch.LocalFireDispatch;
import io.distributedjob.engine.EverySecondTasks.Record;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.EtcdServer;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TestTasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines on one database that know each other through a real etcd: they split the tasks by hashing over the
 * live members instead of competing for them, and the one left takes every task once the other leaves.
 */
class PartitionedClaimsTest {

    private static final int TASKS = 16;
    private static final Duration FLOW = Duration.ofSeconds(30);
    /** Time for a task that changed owner to be handed over: its claimed fires recorded, then its lease ended. */
    private static final int HAND_OVER_SECONDS = 4;
    private static final AtomicInteger namespaces = new AtomicInteger();

    @TempDir
    static Path dir;
    private static EtcdServer etcd;

    private EngineDatabase db;
    private TargetServer target;
    private EverySecondTasks tasks;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.start(dir);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @BeforeEach
    void open() {
        db = EngineDatabase.h2();
        target = new TargetServer();
        tasks = new EverySecondTasks(db, target, TASKS);
    }

    @AfterEach
    void close() {
        target.close();
        db.close();
    }

    @Test
    void twoEnginesSplitTheTasksAndTheOneLeftTakesAllWhenTheOtherLeaves() {
        Instant start = EverySecondTasks.nextSecond();
        tasks.insert(start);
        ClusterSettings cluster = etcdCluster();
        try (RunningEngine a = engine(cluster)) {
            RunningEngine b = engine(cluster);
            List<String> both = List.of(a.instanceId.value(), b.instanceId.value());
            await().atMost(FLOW).until(() -> members(a).equals(Set.copyOf(both)) && members(b).equals(Set.copyOf(both)));

            Instant split = EverySecondTasks.nextSecond().plusSeconds(HAND_OVER_SECONDS);
            Instant splitEnd = split.plusSeconds(2);
            await().atMost(FLOW).until(() -> tasks.recordedAt(splitEnd));
            Map<Long, List<Record>> shared = tasks.records(split, splitEnd);
            shared.forEach((task, records) -> assertThat(records).extracting(Record::executor)
                    .as("fires of task %d", task).containsOnly(WorkPartition.ownerOf(task, both).orElseThrow()));
            assertThat(shared.values().stream().flatMap(List::stream).map(Record::executor).distinct())
                    .as("both engines have a share").hasSize(2);

            b.close();

            Instant alone = EverySecondTasks.nextSecond().plusSeconds(HAND_OVER_SECONDS);
            Instant end = alone.plusSeconds(2);
            await().atMost(FLOW).until(() -> tasks.recordedAt(end));
            assertThat(tasks.records(alone, end).values()).allSatisfy(records -> assertThat(records)
                    .extracting(Record::executor).containsOnly(a.instanceId.value()));
            tasks.assertNoneMissing(tasks.records(start, end), start, end);
        }
    }

    private RunningEngine engine(ClusterSettings cluster) {
        return new RunningEngine(db, EverySecondTasks.CLOCK, TestTasks.engineSettings(200, 1000, 5),
                id -> Cluster.join(cluster, EverySecondTasks.CLOCK, id.value(), id.host()), LocalFireDispatch::new,
                RunningEngine.NO_KAFKA);
    }

    private static Set<String> members(RunningEngine engine) {
        return Set.copyOf(engine.cluster.membership().liveMembers().stream().map(Member::instanceId).toList());
    }

    private static ClusterSettings etcdCluster() {
        return new ClusterSettings(new ClusterSettings.Etcd(List.of(etcd.endpoint()),
                "/partition" + namespaces.incrementAndGet(), "", "", "", "", "", 3));
    }
}
