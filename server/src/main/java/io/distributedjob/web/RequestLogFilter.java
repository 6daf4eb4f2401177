package io.distributedjob.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** One log line per request: method, path, status, duration and the authenticated user when there is one. */
@Component
@Order(ClientAddressFilter.ORDER + 1)
public class RequestLogFilter extends OncePerRequestFilter {

    /** Request attribute under which authentication leaves the user name for this line. */
    public static final String USER_ATTRIBUTE = RequestLogFilter.class.getName() + ".user";

    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            Object user = request.getAttribute(USER_ATTRIBUTE);
            log.info("{} {} {} {}ms user={} client={}", request.getMethod(), request.getRequestURI(),
                    response.getStatus(), millis, user == null ? "-" : user, request.getRemoteAddr());
        }
    }
}
