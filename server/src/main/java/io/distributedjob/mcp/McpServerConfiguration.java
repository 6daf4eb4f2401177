package io.distributedjob.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distributedjob.auth.AuthService;
import io.distributedjob.config.ServerSettings;
import io.distributedjob.web.ErrorResponseWriter;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Model Context Protocol server at {@code <contextPath>/mcp}, on the REST port.
 *
 * <p>It is the official MCP Java SDK's servlet transport, registered beside Spring MVC's dispatcher, without the
 * Spring AI MCP starter: the endpoint needs only the transport, the bearer-token filter in front of it and tools
 * that call the feature services, and the starter's auto-configuration and annotation-scanned tools would add
 * nothing to that. The SDK's Jackson 3 binding takes the REST API's own mapper.
 *
 * <p>The transport is the stateless form of Streamable HTTP: each POST carries its own bearer token and is
 * answered on its own, so no MCP session lives on the server, any instance of a cluster can answer any request,
 * and a revoked token stops working at the next call.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    /** The endpoint, below the REST context path. */
    static final String PATH = "/mcp";
    static final String SERVER_NAME = "distributedjob";

    /** The REST API's mapper, so that tools and resources show objects exactly as REST does. */
    @Bean
    McpJsonMapper mcpJsonMapper(JsonMapper json) {
        return new JacksonMcpJsonMapper(json);
    }

    /**
     * No Origin allow-list: the endpoint takes no cookie, only a bearer token a page of another origin cannot
     * read, so a browser tricked into calling it (DNS rebinding) has no rights to lend.
     */
    @Bean
    HttpServletStatelessServerTransport mcpTransport(McpJsonMapper json, ServerSettings settings) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(json)
                .messageEndpoint(PATH)
                .maxRequestSize((int) Math.min(settings.maxBodyBytes(), Integer.MAX_VALUE))
                .contextExtractor(request -> McpTransportContext.create(
                        Map.of(McpCaller.KEY, request.getAttribute(McpCaller.KEY))))
                .build();
    }

    @Bean
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, McpJsonMapper json,
                                     TaskTools taskTools, ExecutionTools executionTools, InsightTools insightTools,
                                     ViewResources resources) {
        List<SyncToolSpecification> tools = new ArrayList<>(taskTools.tools());
        tools.addAll(executionTools.tools());
        tools.addAll(insightTools.tools());
        return McpServer.sync(transport)
                .serverInfo(SERVER_NAME, version())
                .instructions("DistributedJob schedules HTTP and gRPC tasks by cron expression. The tools act with"
                        + " the rights of the user whose access token this connection carries.")
                .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).build())
                .jsonMapper(json)
                // arguments are checked by the tools, as REST checks a body, so errors carry the REST messages
                .validateToolInputs(false)
                // the servlet thread waits for the answer anyway: run the tool on it instead of handing it over
                .immediateExecution(true)
                .tools(tools)
                .resourceTemplates(resources.templates())
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, PATH);
        registration.setName("mcp");
        return registration;
    }

    @Bean
    FilterRegistrationBean<PostOnlyFilter> mcpPostOnlyFilter() {
        FilterRegistrationBean<PostOnlyFilter> registration = new FilterRegistrationBean<>(new PostOnlyFilter());
        registration.addUrlPatterns(PATH);
        registration.setName("mcpPostOnly");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<McpAuthFilter> mcpAuthFilter(AuthService auth, ErrorResponseWriter errors) {
        // built here rather than scanned, so that it guards the MCP endpoint only
        FilterRegistrationBean<McpAuthFilter> registration = new FilterRegistrationBean<>(new McpAuthFilter(auth, errors));
        registration.addUrlPatterns(PATH);
        registration.setName("mcpAuth");
        return registration;
    }

    private static String version() {
        String version = McpServerConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
