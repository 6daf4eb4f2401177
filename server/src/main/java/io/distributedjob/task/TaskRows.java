package io.distributedjob.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import io.distributedjob.storage.SqlTime;

/** The task table's columns and the mapping of a row, shared by the task repository and the engine. */
public final class TaskRows {

    private static final List<String> COLUMNS = List.of(
            "id", "name", "description", "department_id", "task_type", "cron_expression", "timezone", "status",
            "timeout", "max_retry", "retry_interval", "url", "http_method", "headers", "body", "fallback_url",
            "grpc_service", "grpc_method", "grpc_params", "fallback_grpc_service", "fallback_grpc_method",
            "grpc_tls", "misfire_policy", "concurrency_policy", "crash_policy", "next_execute_time", "version", "creator_id", "create_time",
            "update_time");

    private TaskRows() {
    }

    /** The select list of every task column, each qualified with {@code alias}. */
    public static String columns(String alias) {
        return COLUMNS.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    public static Task map(ResultSet rs) throws SQLException {
        return new Task(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getLong("department_id"),
                TaskType.valueOf(rs.getString("task_type")),
                rs.getString("cron_expression"),
                rs.getString("timezone"),
                rs.getInt("status"),
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
                CrashPolicy.valueOf(rs.getString("crash_policy")),
                SqlTime.fromDb(rs.getObject("next_execute_time", LocalDateTime.class)),
                rs.getLong("version"),
                rs.getLong("creator_id"),
                SqlTime.fromDb(rs.getObject("create_time", LocalDateTime.class)),
                SqlTime.fromDb(rs.getObject("update_time", LocalDateTime.class)));
    }
}
