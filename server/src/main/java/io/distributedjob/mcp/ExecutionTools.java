package io.distributedjob.mcp;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.mcp.ToolRunner.Definition;
import io.distributedjob.record.RecordFilter;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.StoredRecord;
import io.distributedjob.rpc.TaskCounts;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import org.springframework.stereotype.Component;

/**
 * The execution tools: records over a span of time, one record, and statistics, through {@link RecordService}
 * within the caller's department scope, with the permission of the REST record API ({@code record:view}).
 */
@Component
class ExecutionTools {

    static final String RECORD = "RECORD";

    private final RecordService records;
    private final DepartmentScope scope;
    private final TaskCounts taskCounts;
    private final ToolRunner runner;

    ExecutionTools(RecordService records, DepartmentScope scope, TaskCounts taskCounts, ToolRunner runner) {
        this.records = records;
        this.scope = scope;
        this.taskCounts = taskCounts;
        this.runner = runner;
    }

    List<SyncToolSpecification> tools() {
        return List.of(
                runner.tool(new Definition("list_executions", "List executions",
                        "Execution records whose scheduled time lies in [from, to), latest first, across every month"
                                + " kept; an end left out is open. Narrow them by task, department, outcome or type."
                                + " Needs record:view.",
                        Permissions.RECORD_VIEW, RECORD, true, span(InputSchema.object())
                        .integer("taskId", "only records of this task")
                        .integer("departmentId", "only records of this department")
                        .bool("success", "true: only successes; false: only failures")
                        .oneOf("taskType", "only records of this task type", TaskType.class)
                        .integer("limit", "records to answer, 1 to " + PageQuery.MAX_SIZE + " (default " + PageQuery.DEFAULT_SIZE + ")")
                        .integer("offset", "records to skip (default 0)")),
                        (caller, args) -> {
                            Window window = window(args);
                            RecordFilter filter = new RecordFilter(departments(caller.user(), args),
                                    args.optionalId("taskId"), args.optionalBool("success"), taskType(args));
                            int limit = args.integer("limit", 1, PageQuery.MAX_SIZE, PageQuery.DEFAULT_SIZE);
                            int offset = args.integer("offset", 0, Integer.MAX_VALUE, 0);
                            return ToolAnswer.of(records.history(filter, window.from(), window.to(), limit, offset));
                        }),
                runner.tool(new Definition("get_execution", "Get an execution",
                        "One execution record. Records are kept in monthly tables, so give the year and month of"
                                + " its scheduled time, as list_executions shows it. Needs record:view.",
                        Permissions.RECORD_VIEW, RECORD, true, InputSchema.object()
                        .integer("id", "record id")
                        .integer("year", "year of the record's scheduled time")
                        .integer("month", "month (1-12) of the record's scheduled time")
                        .required("id", "year", "month")),
                        (caller, args) -> {
                            long id = args.id("id");
                            YearMonth month = RecordService.month(args.optionalInteger("year"),
                                    args.optionalInteger("month"));
                            StoredRecord stored = records.find(month, id);
                            scope.requireAccess(caller.user(), stored.record().departmentId());
                            return ToolAnswer.about(id, records.view(stored));
                        }),
                runner.tool(new Definition("execution_statistics", "Execution statistics",
                        "Counts, success rate (percent) and execution times (ms) of the records scheduled in"
                                + " [from, to) (an end left out is open), and the number of tasks by status and type;"
                                + " for one department or your whole scope. Needs record:view.",
                        Permissions.RECORD_VIEW, RECORD, true, span(InputSchema.object())
                        .integer("departmentId", "only this department")),
                        (caller, args) -> {
                            Window window = window(args);
                            Long departmentId = args.optionalId("departmentId");
                            Set<Long> departments = departments(caller.user(), args);
                            Map<String, Object> answer = new LinkedHashMap<>();
                            answer.put("executions", records.totals(new RecordFilter(departments, null, null, null),
                                    window.from(), window.to()));
                            if (caller.user().has(Permissions.TASK_VIEW)) {
                                answer.put("tasks", taskCounts.of(caller.user(), departmentId));
                            }
                            return ToolAnswer.of(answer);
                        }));
    }

    private static InputSchema span(InputSchema input) {
        return input.string("from", "start of the span (inclusive), ISO-8601 with offset, such as 2026-05-01T00:00:00+08:00")
                .string("to", "end of the span (exclusive), ISO-8601 with offset");
    }

    private Set<Long> departments(CurrentUser user, ToolArguments args) {
        Long departmentId = args.optionalId("departmentId");
        if (departmentId == null) {
            return scope.visibleDepartments(user);
        }
        scope.requireAccess(user, departmentId);
        return Set.of(departmentId);
    }

    private static Window window(ToolArguments args) {
        Instant from = args.optionalInstant("from");
        Instant to = args.optionalInstant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("to: must be later than from");
        }
        return new Window(from, to);
    }

    /** Records name their task's type as text. */
    private static String taskType(ToolArguments args) {
        TaskType type = args.optionalTaskType("taskType");
        return type == null ? null : type.name();
    }

    /** A span of scheduled times, [from, to); an end is open when null. */
    private record Window(Instant from, Instant to) {
    }
}
