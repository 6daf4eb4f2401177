package io.distributedjob.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The refresh token as the console keeps it: an HttpOnly cookie no script can read, sent only to same-site
 * requests under {@code <contextPath>/auth} (refresh and logout), and only over HTTPS when the request came so.
 */
@Component
class RefreshCookie {

    static final String NAME = "dj_refresh";

    private final Clock clock;

    RefreshCookie(Clock clock) {
        this.clock = clock;
    }

    void set(HttpServletRequest request, HttpServletResponse response, String refreshToken, Instant expiresAt) {
        Duration maxAge = Duration.between(clock.instant(), expiresAt);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, refreshToken, maxAge.isNegative() ? Duration.ZERO : maxAge));
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO));
    }

    /** The refresh token the browser sent, or null. */
    static String of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path(request.getContextPath() + "/auth")
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
