package io.distributedjob.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns tool definitions into MCP tools that check the caller's permission, audit the call, and answer as the
 * REST API would: the result as JSON, or a tool error carrying the REST error's {@code code} and
 * {@code message} (never a stack trace).
 */
@Component
class ToolRunner {

    private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);

    private final McpAudit audit;
    private final JsonMapper json;

    ToolRunner(McpAudit audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** What a tool does once its caller is known and holds the permission. */
    @FunctionalInterface
    interface Handler {
        ToolAnswer handle(McpCaller caller, ToolArguments arguments);
    }

    /**
     * A tool.
     *
     * @param permission the permission code it needs, as its REST counterpart does; null when any login may call
     *                   it (the services still check what the caller may see)
     * @param targetType the kind of object it concerns, for the audit trail
     * @param readOnly   whether it leaves everything as it was
     */
    record Definition(String name, String title, String description, String permission, String targetType,
                      boolean readOnly, InputSchema input) {
    }

    SyncToolSpecification tool(Definition definition, Handler handler) {
        Tool tool = Tool.builder()
                .name(definition.name())
                .title(definition.title())
                .description(definition.description())
                .inputSchema(definition.input().toMap())
                .annotations(new ToolAnnotations(definition.title(), definition.readOnly(), false,
                        definition.readOnly(), false, null))
                .build();
        return new SyncToolSpecification(tool,
                (context, request) -> call(definition, handler, McpCaller.of(context), request));
    }

    private CallToolResult call(Definition definition, Handler handler, McpCaller caller, CallToolRequest request) {
        ObjectNode node = request.arguments() == null ? json.createObjectNode() : json.valueToTree(request.arguments());
        ToolArguments arguments = new ToolArguments(node);
        Long target = arguments.idIfValid("id");
        try {
            if (definition.permission() != null && !caller.user().has(definition.permission())) {
                throw ApiException.forbidden("this needs the permission " + definition.permission());
            }
            ToolAnswer answer = handler.handle(caller, arguments);
            audit.succeeded(caller, definition.targetType(), answer.targetId() != null ? answer.targetId() : target,
                    definition.name());
            return success(answer.value());
        } catch (ApiException e) {
            audit.failed(caller, definition.targetType(), target, definition.name(), e.getMessage());
            return failure(e.error(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("The MCP tool {} failed", definition.name(), e);
            audit.failed(caller, definition.targetType(), target, definition.name(), AuditLog.UNEXPECTED_FAILURE);
            return failure(ErrorCode.INTERNAL_ERROR, AuditLog.UNEXPECTED_FAILURE);
        }
    }

    private CallToolResult success(Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : json.valueToTree(value);
        CallToolResult.Builder result = CallToolResult.builder().addTextContent(json.writeValueAsString(tree));
        if (tree.isObject()) {
            result.structuredContent(json.convertValue(tree, Map.class));
        }
        return result.isError(false).build();
    }

    /** The REST error envelope's {@code code} and {@code message}, as text and as structured content. */
    private CallToolResult failure(ErrorCode error, String message) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", error.code());
        envelope.put("message", message);
        return CallToolResult.builder()
                .addTextContent(json.writeValueAsString(envelope))
                .structuredContent(envelope)
                .isError(true)
                .build();
    }
}
