package io.distributedjob.web;

import io.distributedjob.kernel.ErrorCode;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400/4001, request paths the container would otherwise rewrite before routing: encoded dots,
 * slashes and backslashes (a {@code /v1/roles/%2e%2e} that Tomcat normalises to another resource) and
 * {@code ;} path parameters (which it strips silently). No route of the API or console uses them, so a path
 * means what it says or is refused. Tomcat itself refuses malformed targets; {@link JsonErrorReportValve} gives
 * those the envelope.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTargetFilter extends OncePerRequestFilter {

    private static final Pattern REWRITTEN = Pattern.compile(";|%2e|%2f|%5c");

    private final ErrorResponseWriter errors;

    RequestTargetFilter(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (REWRITTEN.matcher(request.getRequestURI().toLowerCase(Locale.ROOT)).find()) {
            errors.write(response, ErrorCode.INVALID_PARAMETER,
                    "path: encoded dots, slashes or backslashes and ';' parameters are not accepted");
            return;
        }
        chain.doFilter(request, response);
    }
}
