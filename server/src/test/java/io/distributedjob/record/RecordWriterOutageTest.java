package io.distributedjob.record;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The record writer when its MariaDB stops answering: a proxy between them is cut. */
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
