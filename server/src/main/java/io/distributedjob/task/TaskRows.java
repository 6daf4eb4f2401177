package io.distributedjob.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.distributedjob.kernel.TaskType;
import io.distributedjob.storage.SqlTime;

/**
 * The task table's columns, the mapping of a row and the values of a definition: the one place that knows them,
 * shared by the task repositories and the engine.
 */
public final class TaskRows {

    /**
     * Set in every statement of the engine, which moves cursors and leases but changes no definition: MySQL's
     * {@code ON UPDATE CURRENT_TIMESTAMP} would otherwise stamp the row, and {@code update_time} is how other
     * instances' engines tell that a person changed the task.
     */
    public static final String KEEP_UPDATE_TIME = "update_time = update_time";

    /** The columns of a {@link TaskDefinition}, in the order of {@link #definitionValues}. */
    private static final List<String> DEFINITION_COLUMNS = List.of(
            "name", "description", "department_id", "task_type", "cron_expression", "timezone", "status",
            "timeout", "max_retry", "retry_interval", "url", "http_method", "headers", "body", "fallback_url",
            "grpc_service", "grpc_method", "grpc_params", "fallback_grpc_service", "fallback_grpc_method",
            "grpc_tls", "misfire_policy", "concurrency_policy", "crash_policy");

    private static final List<String> COLUMNS = Stream.of(List.of("id"), DEFINITION_COLUMNS,
            List.of("next_execute_time", "version", "creator_id", "create_time", "update_time"))
            .flatMap(List::stream).toList();

    /** Inserts a definition with its first cursor, creator and time; a new row starts at version 0. */
    static final String INSERT = "INSERT INTO task (" + String.join(", ", DEFINITION_COLUMNS)
            + ", next_execute_time, version, creator_id, create_time, update_time) VALUES ("
            + String.join(", ", Collections.nCopies(DEFINITION_COLUMNS.size() + 1, "?")) + ", 0, ?, ?, ?)";

    /** The assignments of every definition column, for {@link #definitionValues}. */
    static final String DEFINITION_ASSIGNMENTS = DEFINITION_COLUMNS.stream().map(column -> column + " = ?")
            .collect(Collectors.joining(", "));

    private TaskRows() {
    }

    /** The select list of every task column, each qualified with {@code alias}. */
    public static String columns(String alias) {
        return COLUMNS.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    /** The values of the definition's columns. */
    static List<Object> definitionValues(TaskDefinition d) {
        return new ArrayList<>(Arrays.asList(d.name(), d.description(), d.departmentId(), d.taskType().name(),
                d.cron(), d.timezone(), d.status().code(), d.timeout(), d.retryCount(), d.retryInterval(), d.url(),
                d.httpMethod(), d.headers(), d.body(), d.fallbackUrl(), d.grpcService(), d.grpcMethod(),
                d.grpcParams(), d.fallbackGrpcService(), d.fallbackGrpcMethod(), d.grpcTls(),
                d.misfirePolicy().name(), d.concurrencyPolicy().name(), d.crashPolicy().name()));
    }

    /** The values of {@link #INSERT}. */
    static List<Object> insertValues(TaskDefinition d, Instant next, long creatorId, Instant now) {
        List<Object> values = definitionValues(d);
        values.addAll(Arrays.asList(SqlTime.toDb(next), creatorId, SqlTime.toDb(now), SqlTime.toDb(now)));
        return values;
    }

    public static Task map(ResultSet rs) throws SQLException {
        return new Task(rs.getLong("id"), definition(rs),
                new Task.Cursor(SqlTime.fromDb(rs.getObject("next_execute_time", LocalDateTime.class)),
                        rs.getLong("version")),
                new Task.Stamps(rs.getLong("creator_id"),
                        SqlTime.fromDb(rs.getObject("create_time", LocalDateTime.class)),
                        SqlTime.fromDb(rs.getObject("update_time", LocalDateTime.class))));
    }

    private static TaskDefinition definition(ResultSet rs) throws SQLException {
        return new TaskDefinition(
                rs.getString("name"),
                rs.getString("description"),
                rs.getLong("department_id"),
                TaskType.valueOf(rs.getString("task_type")),
                rs.getString("cron_expression"),
                rs.getString("timezone"),
                TaskStatus.of(rs.getInt("status")),
                rs.getInt("timeout"),
                rs.getInt("max_retry"),
                rs.getInt("retry_interval"),
                rs.getString("url"),
                rs.getString("http_method"),
                rs.getString("headers"),
                rs.getString("body"),
                rs.getString("fallback_url"),
                rs.getString("grpc_service"),
                rs.getString("grpc_method"),
                rs.getString("grpc_params"),
                rs.getString("fallback_grpc_service"),
                rs.getString("fallback_grpc_method"),
                rs.getBoolean("grpc_tls"),
                MisfirePolicy.valueOf(rs.getString("misfire_policy")),
                ConcurrencyPolicy.valueOf(rs.getString("concurrency_policy")),
                CrashPolicy.valueOf(rs.getString("crash_policy")));
    }
}
