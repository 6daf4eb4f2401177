package io.distributedjob.mcp;

import io.distributedjob.audit.AuditEntry;
import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Writes one audit entry per MCP tool call or resource read: action {@link #MCP_CALL}, the object concerned, and
 * the tool (or resource) named in the detail, with the reason when it was refused. Changes a tool makes are
 * also recorded as the REST API records them (CREATE, UPDATE), so an object's trail is the same whatever the
 * client.
 */
@Component
class McpAudit {

    static final String MCP_CALL = "MCP_CALL";

    private final AuditLog audit;

    McpAudit(AuditLog audit) {
        this.audit = audit;
    }

    void succeeded(McpCaller caller, String targetType, Long targetId, String what) {
        write(caller, targetType, targetId, Outcome.SUCCESS, what);
    }

    void failed(McpCaller caller, String targetType, Long targetId, String what, String reason) {
        write(caller, targetType, targetId, Outcome.FAILURE, what + ": " + reason);
    }

    private void write(McpCaller caller, String targetType, Long targetId, Outcome outcome, String detail) {
        audit.record(new AuditEntry(caller.user().id(), caller.user().username(), caller.user().departmentId(),
                MCP_CALL, targetType, targetId, outcome, detail, caller.clientAddress()));
    }
}
