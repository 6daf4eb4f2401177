package io.distributedjob.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.distributedjob.access.Permissions;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.cron.InvalidScheduleException;
import io.distributedjob.cron.Schedules;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.mcp.ToolRunner.Definition;
import io.distributedjob.task.ConcurrencyPolicy;
import io.distributedjob.task.CrashPolicy;
import io.distributedjob.task.MisfirePolicy;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskRuns;
import io.distributedjob.task.TaskService;
import io.distributedjob.task.TaskView;
import io.distributedjob.task.TaskStatus;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import org.springframework.stereotype.Component;

/**
 * The task tools: list, read, create, change, enable or disable, and run tasks, through {@link TaskService} as
 * the REST task API does, with its permissions, department scope, validation and audit entries.
 */
@Component
class TaskTools {

    /** Most upcoming fire times {@code get_task} lists. */
    static final int FIRES_MAX = 20;
    private static final int DEFAULT_FIRES = 5;
    private static final int KEYWORD_MAX = 100;

    private final TaskService tasks;
    private final TaskRuns runs;
    private final ToolRunner runner;

    TaskTools(TaskService tasks, TaskRuns runs, ToolRunner runner) {
        this.tasks = tasks;
        this.runs = runs;
        this.runner = runner;
    }

    List<SyncToolSpecification> tools() {
        return List.of(
                runner.tool(new Definition("list_tasks", "List tasks",
                        "Lists the tasks in your department scope a page at a time, optionally narrowed by a keyword"
                                + " in the name, a department, a type and a status. Needs task:view.",
                        Permissions.TASK_VIEW, AuditLog.TASK, true, InputSchema.object()
                        .string("keyword", "part of the task name")
                        .integer("departmentId", "only tasks of this department")
                        .oneOf("taskType", "only tasks of this type", TaskType.class)
                        .integer("status", "only tasks with this status: 0 disabled, 1 enabled, 2 temporary (fires once)")
                        .integer("page", "page number, from 1 (default 1)")
                        .integer("size", "tasks per page, 1 to " + PageQuery.MAX_SIZE + " (default " + PageQuery.DEFAULT_SIZE + ")")),
                        (caller, args) -> ToolAnswer.of(tasks.list(caller.user(), args.optionalId("departmentId"),
                                args.optionalString("keyword", KEYWORD_MAX), args.optionalTaskType("taskType"),
                                args.optionalInteger("status"),
                                PageQuery.of(args.optionalInteger("page", 1, Integer.MAX_VALUE),
                                        args.optionalInteger("size", 1, PageQuery.MAX_SIZE))))),
                runner.tool(new Definition("get_task", "Get a task",
                        "One task as the REST API shows it, with its schedule in words and its next fire times."
                                + " Needs task:view.",
                        Permissions.TASK_VIEW, AuditLog.TASK, true, InputSchema.object()
                        .integer("id", "task id")
                        .integer("fires", "how many upcoming fire times to list, 1 to " + FIRES_MAX + " (default " + DEFAULT_FIRES + ")")
                        .required("id")),
                        (caller, args) -> {
                            long id = args.id("id");
                            int fires = args.integer("fires", 1, FIRES_MAX, DEFAULT_FIRES);
                            Task task = tasks.find(caller.user(), id);
                            Map<String, Object> answer = new LinkedHashMap<>();
                            answer.put("task", tasks.get(caller.user(), id));
                            answer.put("scheduleDescription", describe(task.definition().cron()));
                            answer.put("nextFireTimes", tasks.upcomingFires(task, fires));
                            return ToolAnswer.about(id, answer);
                        }),
                create(TaskType.HTTP), create(TaskType.GRPC), update(TaskType.HTTP), update(TaskType.GRPC),
                runner.tool(new Definition("set_task_enabled", "Enable or disable a task",
                        "Enables a task (status 1: it fires on its schedule) or disables it (status 0). Needs task:update.",
                        Permissions.TASK_UPDATE, AuditLog.TASK, false, InputSchema.object()
                        .integer("id", "task id")
                        .bool("enabled", "true to enable, false to disable")
                        .required("id", "enabled")),
                        (caller, args) -> {
                            long id = args.id("id");
                            TaskStatus status = args.bool("enabled") ? TaskStatus.ENABLED : TaskStatus.DISABLED;
                            return ToolAnswer.about(id, tasks.changeStatus(caller.user(), caller.clientAddress(), id, status));
                        }),
                runner.tool(new Definition("run_task", "Run a task now",
                        "Fires a task once now, whatever its schedule and status, optionally with overrides for that"
                                + " one fire (as the REST run body); answers the fire's id and time. Needs task:update.",
                        Permissions.TASK_UPDATE, AuditLog.TASK, false, InputSchema.object()
                        .integer("id", "task id")
                        .string("body", "HTTP tasks: the request body of this fire instead of the task's")
                        .string("headers", "a JSON object of headers (HTTP tasks) or metadata (gRPC tasks)"
                                + " laid over the task's")
                        .string("query", "HTTP tasks: a query string appended to the URL, such as a=1&b=2")
                        .string("grpcParams", "gRPC tasks: the request message of this fire as JSON")
                        .required("id")),
                        (caller, args) -> {
                            long id = args.id("id");
                            return ToolAnswer.about(id,
                                    runs.run(caller.user(), caller.clientAddress(), id, TriggerType.API, args.asBodyWithout("id")));
                        }));
    }

    private SyncToolSpecification create(TaskType type) {
        String kind = type.name().toLowerCase(Locale.ROOT);
        return runner.tool(new Definition("create_" + kind + "_task", "Create a " + type + " task",
                "Creates a " + type + " task from the fields of the REST body of POST /tasks/" + kind
                        + ", checked the same way. Needs task:create.",
                Permissions.TASK_CREATE, AuditLog.TASK, false, definitionFields(InputSchema.object(), type)),
                (caller, args) -> {
                    TaskView created = tasks.create(caller.user(), caller.clientAddress(), type, args.asBody());
                    return ToolAnswer.about(created.id(), created);
                });
    }

    private SyncToolSpecification update(TaskType type) {
        String kind = type.name().toLowerCase(Locale.ROOT);
        InputSchema input = InputSchema.object().integer("id", "id of the " + type + " task to change").required("id");
        return runner.tool(new Definition("update_" + kind + "_task", "Change a " + type + " task",
                "Replaces the definition of a " + type + " task with the fields of the REST body of PUT /tasks/"
                        + kind + "/{id}, checked the same way: give every field, not only the changed ones."
                        + " Needs task:update.",
                Permissions.TASK_UPDATE, AuditLog.TASK, false, definitionFields(input, type)),
                (caller, args) -> {
                    long id = args.id("id");
                    return ToolAnswer.about(id, tasks.update(caller.user(), caller.clientAddress(), id, type,
                            args.asBodyWithout("id")));
                });
    }

    private static InputSchema definitionFields(InputSchema input, TaskType type) {
        input.string("name", "task name")
                .string("description", "what the task is for")
                .integer("departmentId", "the department that owns the task (in your scope)")
                .string("cron", "when it fires: a cron expression with seconds (0 0/5 * * * ?) or @every 30s")
                .string("timezone", "time zone of the cron expression, such as Asia/Shanghai (default: the server's)")
                .integer("status", "0 disabled, 1 enabled, 2 temporary (fires once)")
                .integer("timeout", "seconds one attempt may take")
                .integer("retryCount", "retries after a failed attempt")
                .integer("retryInterval", "seconds between retries")
                .oneOf("misfirePolicy", "what to do about fires missed while no server ran", MisfirePolicy.class)
                .oneOf("concurrencyPolicy", "what to do when a fire is due while the last still runs",
                        ConcurrencyPolicy.class)
                .oneOf("crashPolicy", "what a takeover does with a call under way when its server stopped:"
                        + " call again (RERUN) or record the outcome as unknown (RECORD_UNKNOWN)", CrashPolicy.class);
        if (type == TaskType.HTTP) {
            return input.string("url", "http:// or https:// URL to call")
                    .oneOf("httpMethod", "HTTP method", "GET", "POST", "PUT", "PATCH", "DELETE")
                    .object("headers", "request headers, a JSON object of strings")
                    .string("body", "request body")
                    .string("fallbackUrl", "URL called when every attempt failed")
                    .required("name", "departmentId", "cron", "status", "url", "httpMethod");
        }
        return input.string("grpcService", "target as host:port/package.Service")
                .string("grpcMethod", "method name")
                .object("grpcParams", "request message as a JSON object")
                .object("headers", "metadata sent with every call, a JSON object of strings with lower-case keys")
                .string("fallbackGrpcService", "service called when every attempt failed")
                .string("fallbackGrpcMethod", "method of the fallback service")
                .required("name", "departmentId", "cron", "status", "grpcService", "grpcMethod");
    }

    private static String describe(String cron) {
        try {
            return Schedules.describe(cron);
        } catch (InvalidScheduleException e) {
            return cron;
        }
    }
}
