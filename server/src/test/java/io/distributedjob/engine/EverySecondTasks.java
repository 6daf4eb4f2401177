package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.distributedjob.record.RecordTables;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TargetServer;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tasks that fire every second at a local target, and what engines recorded of them and called. */
final class EverySecondTasks {

    static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    private static final String PATH = "/tick";

    private final EngineDatabase db;
    private final TargetServer target;
    private final int count;

    EverySecondTasks(EngineDatabase db, TargetServer target, int count) {
        this.db = db;
        this.target = target;
        this.count = count;
    }

    static Instant nextSecond() {
        return CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** Inserts the tasks, first due at {@code first}; returns their ids. */
    List<Long> insert(Instant first) {
        JdbcClient jdbc = db.jdbcClient();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = EngineFixture.insertTask(jdbc, "* * * * * *", TaskStatus.ENABLED, first, first.minusSeconds(1),
                    "FIRE_ONCE");
            jdbc.sql("UPDATE task SET url = ? WHERE id = ?").params(target.url(PATH), id).update();
            ids.add(id);
        }
        return ids;
    }

    /** The target answers every call after {@code delayMillis}. */
    void slowTarget(long delayMillis) {
        target.reply(PATH, 200, "ok", delayMillis);
    }

    /** Every task has its record for the fire at {@code instant}. */
    boolean recordedAt(Instant instant) {
        return records(instant, instant).size() == count;
    }

    long recordCount() {
        Instant now = CLOCK.instant();
        return records(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(5))).values().stream()
                .mapToLong(List::size).sum();
    }

    /** The records of fires scheduled from {@code from} to {@code to} (both included), by task. */
    Map<Long, List<Record>> records(Instant from, Instant to) {
        YearMonth month = YearMonth.from(to.atZone(ZoneOffset.UTC));
        if (!new RecordTables(db.jdbcTemplate(), db.dialect(), CLOCK).exists(month)) {
            return Map.of();
        }
        return db.jdbcClient().sql("SELECT task_id, scheduled_time, fire_id, executor FROM "
                        + RecordTables.tableName(month)
                        + " WHERE scheduled_time >= ? AND scheduled_time <= ? ORDER BY scheduled_time")
                .params(SqlTime.toDb(from), SqlTime.toDb(to))
                .query((rs, n) -> new Record(rs.getLong("task_id"),
                        SqlTime.fromDb(rs.getObject("scheduled_time", LocalDateTime.class)),
                        rs.getString("fire_id"), rs.getString("executor")))
                .list().stream().collect(Collectors.groupingBy(Record::taskId));
    }

    /** Every second from {@code start} to {@code end} has its one record, for every task. */
    void assertNoneMissing(Map<Long, List<Record>> byTask, Instant start, Instant end) {
        assertThat(byTask).hasSize(count);
        long seconds = Duration.between(start, end).toSeconds() + 1;
        byTask.values().forEach(records -> assertThat(records).extracting(Record::scheduled).doesNotHaveDuplicates()
                .hasSize((int) seconds));
    }

    /** The target saw each recorded fire exactly once. */
    void assertCalledOnceEach(Map<Long, List<Record>> byTask) {
        Map<String, Long> calls = target.calls(PATH).stream()
                .collect(Collectors.groupingBy(call -> call.header("X-DJ-Fire-Id"), Collectors.counting()));
        byTask.values().forEach(records -> records.forEach(record ->
                assertThat(calls.get(record.fireId())).as("calls of fire %s", record.fireId()).isEqualTo(1L)));
    }

    record Record(long taskId, Instant scheduled, String fireId, String executor) {
    }
}
