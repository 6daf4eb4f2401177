package io.distributedjob.mcp;

import java.io.IOException;

import io.distributedjob.auth.AuthService;
import io.distributedjob.auth.BearerToken;
import io.distributedjob.access.CurrentUser;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.distributedjob.web.ErrorResponseWriter;
import io.distributedjob.web.RequestLogFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through to the MCP endpoint only requests that carry a valid access token, the same one the REST API
 * takes. Any other answers 401 with the {@code WWW-Authenticate} challenge the MCP authorization spec asks for
 * (RFC 6750: {@code error="invalid_token"} when a token was sent but cannot be used), and the REST envelope.
 */
class McpAuthFilter extends OncePerRequestFilter {

    static final String REALM = "DistributedJob";
    private static final String MISSING_TOKEN = "missing token: send Authorization: Bearer <token>";

    private final AuthService auth;
    private final ErrorResponseWriter errors;

    McpAuthFilter(AuthService auth, ErrorResponseWriter errors) {
        this.auth = auth;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = BearerToken.of(request);
        if (token == null) {
            refuse(response, "Bearer realm=\"" + REALM + "\"", MISSING_TOKEN);
            return;
        }
        CurrentUser user;
        try {
            user = auth.authenticate(token);
        } catch (ApiException e) {
            if (e.error() != ErrorCode.UNAUTHORIZED) {
                errors.write(response, e.error(), e.getMessage());
                return;
            }
            refuse(response, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\""
                    + e.getMessage().replace('"', '\'') + "\"", e.getMessage());
            return;
        }
        request.setAttribute(McpCaller.KEY, new McpCaller(user, request.getRemoteAddr()));
        request.setAttribute(RequestLogFilter.USER_ATTRIBUTE, user.username());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String challenge, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        errors.write(response, ErrorCode.UNAUTHORIZED, message);
    }
}
