package io.distributedjob.mcp;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.StoredRecord;
import io.distributedjob.task.TaskService;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task and execution views of the REST API as MCP resources ({@code application/json}), read with the same
 * permissions and department scope, and audited like the tools. A refusal is a JSON-RPC error whose
 * {@code data} carries the REST error's {@code code} and {@code message}.
 */
@Component
class ViewResources {

    static final String TASK_TEMPLATE = "distributedjob://tasks/{id}";
    static final String EXECUTION_TEMPLATE = "distributedjob://executions/{year}/{month}/{id}";
    private static final Pattern TASK_URI = Pattern.compile("distributedjob://tasks/(\\d{1,18})");
    private static final Pattern EXECUTION_URI =
            Pattern.compile("distributedjob://executions/(\\d{1,4})/(\\d{1,2})/(\\d{1,18})");
    private static final String JSON = "application/json";
    private static final String UNEXPECTED_FAILURE = "internal error";
    private static final Logger log = LoggerFactory.getLogger(ViewResources.class);

    private final TaskService tasks;
    private final RecordService records;
    private final DepartmentScope scope;
    private final McpAudit audit;
    private final JsonMapper json;

    ViewResources(TaskService tasks, RecordService records, DepartmentScope scope, McpAudit audit, JsonMapper json) {
        this.tasks = tasks;
        this.records = records;
        this.scope = scope;
        this.audit = audit;
        this.json = json;
    }

    List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                new SyncResourceTemplateSpecification(ResourceTemplate.builder(TASK_TEMPLATE, "task")
                        .title("Task").description("A task as GET /tasks/{id} shows it. Needs task:view.")
                        .mimeType(JSON).build(),
                        (context, request) -> read(McpCaller.of(context), request.uri(), AuditLog.TASK)),
                new SyncResourceTemplateSpecification(ResourceTemplate.builder(EXECUTION_TEMPLATE, "execution")
                        .title("Execution record")
                        .description("An execution record as GET /records/{id}?year=&month= shows it; year and"
                                + " month are those of its scheduled time. Needs record:view.")
                        .mimeType(JSON).build(),
                        (context, request) -> read(McpCaller.of(context), request.uri(), ExecutionTools.RECORD)));
    }

    private ReadResourceResult read(McpCaller caller, String uri, String targetType) {
        Long target = null;
        try {
            Object view;
            Matcher task = TASK_URI.matcher(uri);
            Matcher execution = EXECUTION_URI.matcher(uri);
            if (task.matches()) {
                target = Long.parseLong(task.group(1));
                view = taskView(caller, target);
            } else if (execution.matches()) {
                target = Long.parseLong(execution.group(3));
                view = executionView(caller, Integer.parseInt(execution.group(1)),
                        Integer.parseInt(execution.group(2)), target);
            } else {
                throw ApiException.notFound("no resource " + uri);
            }
            audit.succeeded(caller, targetType, target, "read " + uri);
            return new ReadResourceResult(List.of(new TextResourceContents(uri, JSON, json.writeValueAsString(view))));
        } catch (ApiException e) {
            audit.failed(caller, targetType, target, "read " + uri, e.getMessage());
            throw McpError.builder(e.error() == ErrorCode.NOT_FOUND ? McpSchema.ErrorCodes.RESOURCE_NOT_FOUND
                            : e.error() == ErrorCode.INVALID_PARAMETER ? McpSchema.ErrorCodes.INVALID_PARAMS
                            : McpSchema.ErrorCodes.INVALID_REQUEST)
                    .message(e.getMessage())
                    .data(Map.of("code", e.error().code(), "message", e.getMessage()))
                    .build();
        } catch (RuntimeException e) {
            log.error("Reading the MCP resource {} failed", uri, e);
            audit.failed(caller, targetType, target, "read " + uri, UNEXPECTED_FAILURE);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(UNEXPECTED_FAILURE)
                    .data(Map.of("code", ErrorCode.INTERNAL_ERROR.code(), "message", UNEXPECTED_FAILURE))
                    .build();
        }
    }

    private Object taskView(McpCaller caller, long id) {
        require(caller, Permissions.TASK_VIEW);
        return tasks.get(caller.user(), id);
    }

    private Object executionView(McpCaller caller, int year, int month, long id) {
        require(caller, Permissions.RECORD_VIEW);
        StoredRecord stored = records.find(RecordService.month(year, month), id);
        scope.requireAccess(caller.user(), stored.record().departmentId());
        return records.view(stored);
    }

    private static void require(McpCaller caller, String permission) {
        if (!caller.user().has(permission)) {
            throw ApiException.forbidden("this needs the permission " + permission);
        }
    }
}
