package io.distributedjob.mcp;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.kernel.ApiException;
import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Who sent an MCP request: the user of its verified access token and their network address. It travels from
 * {@link McpAuthFilter} to the tools in the request's transport context.
 */
record McpCaller(CurrentUser user, String clientAddress) {

    static final String KEY = McpCaller.class.getName();

    static McpCaller of(McpTransportContext context) {
        if (context.get(KEY) instanceof McpCaller caller) {
            return caller;
        }
        // the filter answers 401 before any request reaches a tool, so this is a wiring fault
        throw ApiException.unauthorized("missing token: send Authorization: Bearer <token>");
    }
}
