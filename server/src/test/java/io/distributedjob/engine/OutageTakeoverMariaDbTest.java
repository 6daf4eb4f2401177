package io.distributedjob.engine;

import io.distributedjob.support.Needs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordTables;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.TargetServer;
import io.distributedjob.support.TcpProxy;
import io.distributedjob.support.TestService;
import io.distributedjob.support.TestTasks;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two engines on one MariaDB; the first loses its database for longer than the lease, with fires claimed far
 * ahead and records not yet written, and the second takes its task over. Only a cut-off MariaDB makes this
 * happen, so there is no H2 twin.
 */
@Needs(TestService.MARIADB)
class OutageTakeoverMariaDbTest {

    private static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    private static final int LEASE_SECONDS = 3;
    private static final String PATH = "/tick";

    private TcpProxy proxy;
    private EngineDatabase cutOff;
    private EngineDatabase direct;
    private TargetServer target;

    @BeforeEach
    void open() throws Exception {
        String[] hostPort = MariaDb.hostPort().split(":");
        proxy = new TcpProxy(hostPort[0], Integer.parseInt(hostPort[1]));
        cutOff = EngineDatabase.mariaDbThrough(proxy);
        direct = cutOff.directToSameSchema();
        target = new TargetServer();
    }

    @AfterEach
    void close() {
        target.close();
        direct.close();
        cutOff.close();
        proxy.close();
    }

    /**
     * The cut-off instance starts no fire once the database refused its heartbeat (it is fenced), and every fire
     * is recorded once. A fire it delivered whose record was still waiting to be written when the cut came is
     * delivered again by the instance that takes over: that duplicate, which the fire id lets a target drop, is
     * the one left, and it is always of a fire due before the cut plus a lease.
     */
    @Test
    void afterAnOutageLongerThanTheLeaseEachFireIsRecordedOnceAndOnlyFiresBeforeTheFenceRepeat() throws Exception {
        JdbcClient jdbc = direct.jdbcClient();
        Instant start = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long id = EngineFixture.insertTask(jdbc, "* * * * * *", TaskStatus.ENABLED, start, start.minusSeconds(1), "FIRE_ONCE");
        jdbc.sql("UPDATE task SET url = ? WHERE id = ?").params(target.url(PATH), id).update();
        // fires are claimed 8 s ahead, beyond the 3 s lease: without the fence they would go on during the outage
        RunningEngine first = new RunningEngine(cutOff, CLOCK, TestTasks.engineSettings(200, 8000, LEASE_SECONDS));
        RunningEngine second = null;
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls(PATH).size() >= 2);
            second = new RunningEngine(direct, CLOCK, TestTasks.engineSettings(200, 8000, LEASE_SECONDS));
            Instant cutAt = CLOCK.instant();
            proxy.cut();
            Instant outageEnds = cutAt.plusSeconds(LEASE_SECONDS * 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> CLOCK.instant().isAfter(outageEnds));
            proxy.restore();
            Instant last = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(id).containsKey(fireId(id, last)));
            disable(jdbc, id);
            second.engine.taskChanged(EngineFixture.task(jdbc, id));
            first.engine.taskChanged(EngineFixture.task(jdbc, id));
            await().atMost(Duration.ofSeconds(20)).until(() -> first.records.flush(CLOCK.instant().plusSeconds(5)));

            Map<String, Long> delivered = delivered(id);
            for (Instant fire = start; !fire.isAfter(last); fire = fire.plusSeconds(1)) {
                assertThat(delivered).as("fire %s delivered", fire).containsKey(fireId(id, fire));
            }
            // The fence closes at the first duty the cut breaks: at once on a broken connection, or after the pool's
            // connection timeout when a new one must be made. Whichever comes, the fence is closed once a lease has
            // passed since the last heartbeat committed before the cut, while without it fires claimed 8 s ahead
            // would go on.
            Instant fenceClosedBy = cutAt.plusSeconds(LEASE_SECONDS);
            delivered.forEach((fireId, times) -> {
                if (times > 1) {
                    assertThat(scheduled(fireId)).as("repeated fire %s", fireId).isBefore(fenceClosedBy);
                }
            });
            String table = RecordTables.tableName(YearMonth.from(start.atZone(ZoneOffset.UTC)));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(DISTINCT fire_id) FROM " + table)
                    .query(Long.class).single() >= delivered.size());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single())
                    .isEqualTo(jdbc.sql("SELECT COUNT(DISTINCT fire_id) FROM " + table).query(Long.class).single());
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    private Map<String, Long> delivered(long id) {
        return target.calls(PATH).stream().map(call -> call.header("X-DJ-Fire-Id"))
                .filter(fireId -> fireId.startsWith(id + ":"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String fireId(long id, Instant scheduled) {
        return ExecutionRecord.fireId(id, scheduled);
    }

    private static Instant scheduled(String fireId) {
        return Instant.parse(fireId.substring(fireId.indexOf(':') + 1));
    }

    private static void disable(JdbcClient jdbc, long id) {
        jdbc.sql("UPDATE task SET status = 0, next_execute_time = NULL, lease_owner = NULL, claimed_from = NULL,"
                        + " version = version + 1, update_time = ? WHERE id = ?")
                .params(SqlTime.toDb(CLOCK.instant()), id).update();
    }
}
