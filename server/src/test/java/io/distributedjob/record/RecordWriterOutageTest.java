package io.distributedjob.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.Needs;
import io.distributedjob.support.TcpProxy;
import io.distributedjob.support.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record writer when its MariaDB stops answering: a proxy between them is cut, and restored. */
@Needs(TestService.MARIADB)
class RecordWriterOutageTest {

    private TcpProxy proxy;
    private EngineDatabase db;

    @BeforeEach
    void open() throws Exception {
        String[] hostPort = MariaDb.hostPort().split(":");
        proxy = new TcpProxy(hostPort[0], Integer.parseInt(hostPort[1]));
        db = EngineDatabase.mariaDbThrough(proxy);
    }

    @AfterEach
    void close() {
        db.close();
        proxy.close();
    }

    @Test
    void aWriterCutOffFromItsDatabaseReportsHowFarBehindItIsUntilItCatchesUp() throws Exception {
        RecordWriter writer = RecordWritingTest.writer(db, 4096, Clock.systemUTC());
        writer.start();
        try {
            proxy.cut();
            // the writers keep four batches each in hand: 2 writers, batches of 500
            int keptUp = 4 * 2 * 500;
            AtomicInteger committed = new AtomicInteger();
            for (int task = 1; task <= keptUp + 25; task++) {
                writer.write(RecordWritingTest.record(task, RecordWritingTest.SCHEDULED, "task", "ok"), committed::incrementAndGet);
            }
            assertThat(writer.backlog()).isEqualTo(25);
            proxy.restore();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committed).hasValue(keptUp + 25));
            assertThat(writer.backlog()).isZero();
        } finally {
            writer.stop();
        }
    }

    @Test
    void aShutdownWithTheDatabaseUnreachableEndsWithinItsWaitAndMarksNothingRecorded() {
        // a clock that moves, for the writer's deadline to come
        int shutdownWaitSeconds = 5;
        RecordWriter writer = RecordWritingTest.writer(db, 4096, Clock.systemUTC(), shutdownWaitSeconds);
        writer.start();
        AtomicInteger committed = new AtomicInteger();
        proxy.cut();
        for (int task = 1; task <= 3; task++) {
            writer.write(RecordWritingTest.record(task, RecordWritingTest.SCHEDULED, "task", "ok"), committed::incrementAndGet);
        }
        // the writer waits job.shutdownWaitSeconds at most, however long a call to the unreachable database would block
        assertTimeoutPreemptively(Duration.ofSeconds(shutdownWaitSeconds + 2), () -> writer.stop());
        assertThat(committed).hasValue(0);
    }
}
