package io.distributedjob.mcp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import io.distributedjob.support.ApiClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import tools.jackson.databind.JsonNode;

/**
 * An assistant's side of the MCP endpoint, for tests: the MCP Java SDK's own client over its Streamable HTTP
 * transport, sending the access token of a REST login as an assistant would.
 */
final class McpTestClient implements AutoCloseable {

    private final McpSyncClient client;

    private McpTestClient(McpSyncClient client) {
        this.client = client;
    }

    /** A client for the server behind {@code api}, carrying its token (none when it has none), initialised. */
    static McpTestClient connect(ApiClient api) {
        McpTestClient connected = open(api);
        connected.client.initialize();
        return connected;
    }

    /** A client that has not yet sent {@code initialize}. */
    static McpTestClient open(ApiClient api) {
        URI base = URI.create(api.baseUrl());
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (api.token() != null) {
            request.header("Authorization", "Bearer " + api.token());
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(base.getScheme() + "://" + base.getAuthority())
                .endpoint(base.getPath() + "/mcp")
                .requestBuilder(request)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new McpTestClient(McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build());
    }

    McpSyncClient sdk() {
        return client;
    }

    /** Calls a tool and hands back its result as the assistant sees it. */
    ToolResult call(String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        String text = ((TextContent) result.content().getFirst()).text();
        return new ToolResult(Boolean.TRUE.equals(result.isError()), ApiClient.mapper().readTree(text),
                result.structuredContent());
    }

    JsonNode read(String uri) {
        var contents = client.readResource(new ReadResourceRequest(uri)).contents();
        return ApiClient.mapper().readTree(((TextResourceContents) contents.getFirst()).text());
    }

    @Override
    public void close() {
        client.close();
    }

    /** A tool's answer: whether it is an error, its JSON text parsed, and its structured content. */
    record ToolResult(boolean error, JsonNode json, Object structured) {

        int code() {
            return json.get("code").asInt();
        }

        String message() {
            return json.get("message").asString();
        }
    }
}
