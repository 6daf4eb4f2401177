package io.distributedjob.mcp;

import java.util.List;

import io.distributedjob.access.Permissions;
import io.distributedjob.cron.Schedules;
import io.distributedjob.mcp.ToolRunner.Definition;
import io.distributedjob.rpc.ModelContexts;
import io.distributedjob.task.CronPreviews;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tools that explain rather than change: a cron expression in words with its next fires (as the console's
 * preview), and the runtime context of a task, department or user (what gRPC GetModelContext answers).
 */
@Component
class InsightTools {

    static final String CRON = "CRON";
    static final String MODEL_CONTEXT = "MODEL_CONTEXT";
    private static final int TIMEZONE_MAX = 64;
    private static final int MODEL_ID_MAX = 64;

    private final CronPreviews previews;
    private final ModelContexts contexts;
    private final ToolRunner runner;
    private final JsonMapper json;

    InsightTools(CronPreviews previews, ModelContexts contexts, ToolRunner runner, JsonMapper json) {
        this.previews = previews;
        this.contexts = contexts;
        this.runner = runner;
        this.json = json;
    }

    List<SyncToolSpecification> tools() {
        return List.of(
                runner.tool(new Definition("explain_cron", "Explain a cron expression",
                        "Describes a cron expression (seconds first, or @every 30s) in words and lists its next fire"
                                + " times, as POST /tasks/cron/preview does. Needs task:view.",
                        Permissions.TASK_VIEW, CRON, true, InputSchema.object()
                        .string("cron", "the expression, such as 0 0/5 * * * ?")
                        .string("timezone", "time zone of the expression, such as Asia/Shanghai (default: the server's)")
                        .integer("count", "how many fire times to list, 1 to " + CronPreviews.PREVIEW_MAX + " (default 5)")
                        .required("cron")),
                        (caller, args) -> ToolAnswer.of(previews.preview(args.string("cron", Schedules.MAX_LENGTH),
                                args.optionalString("timezone", TIMEZONE_MAX),
                                args.optionalInteger("count")))),
                runner.tool(new Definition("model_context", "Runtime context",
                        "The runtime context of a task (task:<id>), a department (department:<id>) or a user"
                                + " (user:<id>) as a JSON document, the same as gRPC ModelContextService.GetModelContext:"
                                + " configuration, next fires, latest executions and statistics, each part as your"
                                + " permissions allow.",
                        null, MODEL_CONTEXT, true, InputSchema.object()
                        .string("modelId", "task:<id>, department:<id> or user:<id>")
                        .required("modelId")),
                        (caller, args) -> ToolAnswer.of(json.readTree(
                                contexts.of(caller.user(), args.string("modelId", MODEL_ID_MAX))))));
    }
}
