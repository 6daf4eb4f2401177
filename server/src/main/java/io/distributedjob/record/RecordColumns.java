package io.distributedjob.record;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.distributedjob.storage.SqlDialect;
import io.distributedjob.storage.SqlTime;

/**
 * The columns of a month table after its id: each one's definition, the value a record gives it and the JDBC type
 * it is bound as, in one place, so the table's layout and the insert that fills it cannot drift apart. The type is
 * given so that a null binds without asking the driver for the parameter's type (MariaDB's driver answers that
 * with an exception, once per null value of every row written).
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

    record Column(String name, Function<SqlDialect, String> type, int sqlType, Value value) {

        String definition(SqlDialect dialect) {
            return name + " " + type.apply(dialect);
        }
    }

    static final Column RESPONSE = column("response", dialect -> dialect.largeText() + " NULL", Types.VARCHAR,
            ExecutionRecord::response);

    /** Columns later versions added; a month table made before them gets them at its first write. */
    static final List<String> ADDED = List.of("trace_id", "attempts");

    static final List<Column> ALL = List.of(
            column("task_id", "BIGINT NOT NULL", Types.BIGINT, ExecutionRecord::taskId),
            column("task_name", "VARCHAR(" + NAME_LENGTH + ") NOT NULL", Types.VARCHAR, ExecutionRecord::taskName),
            column("task_type", "VARCHAR(8) NOT NULL", Types.VARCHAR, ExecutionRecord::taskType),
            column("department_id", "BIGINT NOT NULL", Types.BIGINT, ExecutionRecord::departmentId),
            column("fire_id", "VARCHAR(64) NOT NULL", Types.VARCHAR, ExecutionRecord::fireId),
            column("scheduled_time", "DATETIME(3) NOT NULL", Types.TIMESTAMP, r -> SqlTime.toDb(r.scheduledTime())),
            column("start_time", "DATETIME(3) NULL", Types.TIMESTAMP, r -> SqlTime.toDb(r.startTime())),
            column("end_time", "DATETIME(3) NULL", Types.TIMESTAMP, r -> SqlTime.toDb(r.endTime())),
            column("cost_time", "INT NOT NULL DEFAULT 0", Types.BIGINT, ExecutionRecord::costTime),
            column("success", "TINYINT NOT NULL DEFAULT 0", Types.INTEGER, r -> r.success() ? 1 : 0),
            column("status", "TINYINT NOT NULL DEFAULT 0", Types.INTEGER, ExecutionRecord::status),
            column("status_code", "INT NULL", Types.INTEGER, ExecutionRecord::statusCode),
            RESPONSE,
            column("error", "TEXT NULL", Types.VARCHAR, ExecutionRecord::error),
            column("retry_times", "INT NOT NULL DEFAULT 0", Types.INTEGER, ExecutionRecord::retryTimes),
            column("used_fallback", "TINYINT NOT NULL DEFAULT 0", Types.INTEGER, r -> r.usedFallback() ? 1 : 0),
            column("trigger_type", "VARCHAR(16) NOT NULL", Types.VARCHAR, r -> r.triggerType().name()),
            column("executor", "VARCHAR(100) NULL", Types.VARCHAR, ExecutionRecord::executor),
            column("trace_id", "VARCHAR(32) NULL", Types.VARCHAR, ExecutionRecord::traceId),
            column("attempts", dialect -> dialect.largeText() + " NULL", Types.VARCHAR,
                    r -> AttemptsJson.write(r.attempts())),
            new Column("create_time", dialect -> "DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)", Types.TIMESTAMP,
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

    /** The JDBC types of the columns, in the order of {@link #names()}. */
    static int[] sqlTypes() {
        return ALL.stream().mapToInt(Column::sqlType).toArray();
    }

    /** The values of {@code record}'s row, in the order of {@link #names()}. */
    static Object[] values(ExecutionRecord record, Instant writtenAt) {
        return ALL.stream().map(column -> column.value().of(record, writtenAt)).toArray();
    }

    private static Column column(String name, String type, int sqlType, Function<ExecutionRecord, Object> value) {
        return column(name, dialect -> type, sqlType, value);
    }

    private static Column column(String name, Function<SqlDialect, String> type, int sqlType,
                                 Function<ExecutionRecord, Object> value) {
        return new Column(name, type, sqlType, (record, writtenAt) -> value.apply(record));
    }
}
