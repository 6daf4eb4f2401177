package io.distributedjob.record;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.distributedjob.storage.SqlDialect;
import io.distributedjob.storage.SqlTime;

/**
 * The columns of a month table after its id: each one's definition and the value a record gives it, in one place,
 * so the table's layout and the insert that fills it cannot drift apart.
 */
final class RecordColumns {

    /** The longest task name a record holds (the task table's own limit). */
    static final int NAME_LENGTH = 255;
    /** The longest error a record holds: TEXT, 64 KiB of UTF-8 on MySQL. */
    static final int ERROR_BYTES = 65_535;

    /** The value a column takes from a record written at a given instant. */
    interface Value {
        Object of(ExecutionRecord record, Instant writtenAt);
    }

    record Column(String name, Function<SqlDialect, String> type, Value value) {

        String definition(SqlDialect dialect) {
            return name + " " + type.apply(dialect);
        }
    }

    static final Column RESPONSE = column("response", dialect -> dialect.largeText() + " NULL",
            ExecutionRecord::response);

    /** Columns later versions added; a month table made before them gets them at its first write. */
    static final List<String> ADDED = List.of("trace_id", "attempts");

    static final List<Column> ALL = List.of(
            column("task_id", "BIGINT NOT NULL", ExecutionRecord::taskId),
            column("task_name", "VARCHAR(" + NAME_LENGTH + ") NOT NULL", ExecutionRecord::taskName),
            column("task_type", "VARCHAR(8) NOT NULL", ExecutionRecord::taskType),
            column("department_id", "BIGINT NOT NULL", ExecutionRecord::departmentId),
            column("fire_id", "VARCHAR(64) NOT NULL", ExecutionRecord::fireId),
            column("scheduled_time", "DATETIME(3) NOT NULL", r -> SqlTime.toDb(r.scheduledTime())),
            column("start_time", "DATETIME(3) NULL", r -> SqlTime.toDb(r.startTime())),
            column("end_time", "DATETIME(3) NULL", r -> SqlTime.toDb(r.endTime())),
            column("cost_time", "INT NOT NULL DEFAULT 0", ExecutionRecord::costTime),
            column("success", "TINYINT NOT NULL DEFAULT 0", r -> r.success() ? 1 : 0),
            column("status", "TINYINT NOT NULL DEFAULT 0", ExecutionRecord::status),
            column("status_code", "INT NULL", ExecutionRecord::statusCode),
            RESPONSE,
            column("error", "TEXT NULL", ExecutionRecord::error),
            column("retry_times", "INT NOT NULL DEFAULT 0", ExecutionRecord::retryTimes),
            column("used_fallback", "TINYINT NOT NULL DEFAULT 0", r -> r.usedFallback() ? 1 : 0),
            column("trigger_type", "VARCHAR(16) NOT NULL", r -> r.triggerType().name()),
            column("executor", "VARCHAR(100) NULL", ExecutionRecord::executor),
            column("trace_id", "VARCHAR(32) NULL", ExecutionRecord::traceId),
            column("attempts", dialect -> dialect.largeText() + " NULL", r -> AttemptsJson.write(r.attempts())),
            new Column("create_time", dialect -> "DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)",
                    (record, writtenAt) -> SqlTime.toDb(writtenAt)));

    private RecordColumns() {
    }

    static Column named(String name) {
        return ALL.stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    static List<String> definitions(SqlDialect dialect) {
        return ALL.stream().map(column -> column.definition(dialect)).toList();
    }

    /** The values of {@code record}'s row, in the order of {@link #names()}. */
    static Object[] values(ExecutionRecord record, Instant writtenAt) {
        return ALL.stream().map(column -> column.value().of(record, writtenAt)).toArray();
    }

    private static Column column(String name, String type, Function<ExecutionRecord, Object> value) {
        return new Column(name, dialect -> type, (record, writtenAt) -> value.apply(record));
    }

    private static Column column(String name, Function<SqlDialect, String> type,
                                 Function<ExecutionRecord, Object> value) {
        return new Column(name, type, (record, writtenAt) -> value.apply(record));
    }
}
