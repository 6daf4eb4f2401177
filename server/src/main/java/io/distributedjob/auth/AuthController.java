package io.distributedjob.auth;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.web.RequestLogFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /auth}: login, refresh, logout and the caller's own profile. */
@RestController
class AuthController {

    private final AuthService auth;
    private final RefreshCookie cookie;

    AuthController(AuthService auth, RefreshCookie cookie) {
        this.auth = auth;
        this.cookie = cookie;
    }

    @PublicEndpoint
    @PostMapping("/auth/login")
    ApiResponse<AuthService.Login> login(@RequestBody LoginRequest body, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (body.username() == null || body.username().isBlank()) {
            throw ApiException.invalid("username: is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.invalid("password: is required");
        }
        AuthService.Login login = auth.login(body.username(), body.password(), LoginClient.of(request));
        request.setAttribute(RequestLogFilter.USER_ATTRIBUTE, login.user().username());
        cookie.set(request, response, login.refreshToken(), login.refreshExpiresAt());
        return ApiResponse.ok(login);
    }

    /**
     * The refresh token comes in the body, or as the bearer token as the spec shows (clients that are no browser),
     * or in the console's cookie.
     */
    @PublicEndpoint
    @PostMapping("/auth/refresh")
    ApiResponse<AuthService.Refreshed> refresh(@RequestBody(required = false) RefreshRequest body,
                                               HttpServletRequest request, HttpServletResponse response) {
        String token = body != null && body.refreshToken() != null && !body.refreshToken().isBlank()
                ? body.refreshToken() : BearerToken.of(request);
        if (token == null) {
            token = RefreshCookie.of(request);
        }
        if (token == null) {
            throw ApiException.unauthorized("missing token: send {\"refreshToken\": ...} or Authorization: Bearer <refresh token>");
        }
        AuthService.Refreshed refreshed = auth.refresh(token, request.getRemoteAddr());
        cookie.set(request, response, refreshed.refreshToken(), refreshed.refreshExpiresAt());
        return ApiResponse.ok(refreshed);
    }

    @PostMapping("/auth/logout")
    ApiResponse<Void> logout(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        auth.logout(accessToken(request), user);
        cookie.clear(request, response);
        return ApiResponse.ok();
    }

    @GetMapping("/auth/userinfo")
    ApiResponse<AuthService.UserInfo> userInfo(CurrentUser user, HttpServletRequest request) {
        return ApiResponse.ok(auth.userInfo(user, accessToken(request)));
    }

    private static String accessToken(HttpServletRequest request) {
        return (String) request.getAttribute(AuthInterceptor.ACCESS_TOKEN);
    }

    record LoginRequest(String username, String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    record RefreshRequest(String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[***]";
        }
    }
}
