package io.distributedjob.auth;

import io.distributedjob.web.ApiException;
import io.distributedjob.web.ApiResponse;
import io.distributedjob.web.RequestLogFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /auth}: login, refresh, logout and the caller's own profile. */
@RestController
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PublicEndpoint
    @PostMapping("/auth/login")
    ApiResponse<AuthService.Login> login(@RequestBody LoginRequest body, HttpServletRequest request) {
        if (body.username() == null || body.username().isBlank()) {
            throw ApiException.invalid("username: is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.invalid("password: is required");
        }
        AuthService.Login login = auth.login(body.username(), body.password(), request.getRemoteAddr());
        request.setAttribute(RequestLogFilter.USER_ATTRIBUTE, login.user().username());
        return ApiResponse.ok(login);
    }

    /** The refresh token comes in the body, or as the bearer token as the spec shows. */
    @PublicEndpoint
    @PostMapping("/auth/refresh")
    ApiResponse<AuthService.Refreshed> refresh(@RequestBody(required = false) RefreshRequest body,
                                               HttpServletRequest request) {
        String token = body != null && body.refreshToken() != null && !body.refreshToken().isBlank()
                ? body.refreshToken() : BearerToken.of(request);
        if (token == null) {
            throw ApiException.unauthorized("missing token: send {\"refreshToken\": ...} or Authorization: Bearer <refresh token>");
        }
        return ApiResponse.ok(auth.refresh(token));
    }

    @PostMapping("/auth/logout")
    ApiResponse<Void> logout(CurrentUser user, HttpServletRequest request) {
        auth.logout((String) request.getAttribute(AuthInterceptor.ACCESS_TOKEN), user);
        return ApiResponse.ok();
    }

    @GetMapping("/auth/userinfo")
    ApiResponse<AuthService.UserInfo> userInfo(CurrentUser user) {
        return ApiResponse.ok(auth.userInfo(user));
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
