package io.distributedjob.web;

import io.distributedjob.kernel.ErrorCode;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.distributedjob.config.ServerSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-origin access for the origins of {@code server.cors.allowedOrigins} only, with credentials (the refresh
 * cookie). Requests from any other origin get no CORS headers, so browsers keep their answers from the page, and
 * their preflights are refused with 403. Same-origin requests, and clients that are no browser, are not affected.
 */
@Component
@Order(ClientAddressFilter.ORDER + 3)
class CorsFilter extends OncePerRequestFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept";
    private static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowedOrigins;
    private final ErrorResponseWriter errors;

    CorsFilter(ServerSettings settings, ErrorResponseWriter errors) {
        this.allowedOrigins = settings.cors().allowedOrigins().stream()
                .map(CorsFilter::normalized)
                .collect(Collectors.toUnmodifiableSet());
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        boolean allowed = allowedOrigins.contains(normalized(origin));
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (preflight && !allowed) {
            errors.write(response, ErrorCode.FORBIDDEN, "origin " + origin + " is not allowed (server.cors.allowedOrigins)");
            return;
        }
        if (allowed) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (preflight) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Origins compare without case and without a trailing slash. */
    private static String normalized(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
