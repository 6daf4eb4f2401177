package io.distributedjob.auth;

import io.distributedjob.access.RequirePermission;
import io.distributedjob.access.CurrentUser;
import java.util.Arrays;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.web.RequestLogFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every REST handler needs a valid access token unless it is a {@link PublicEndpoint}, and the permission of its
 * {@link RequirePermission}. Runs after routing, so unknown paths still answer 404 without a token.
 */
@Component
class AuthInterceptor implements HandlerInterceptor {

    static final String CURRENT_USER = AuthInterceptor.class.getName() + ".user";
    static final String ACCESS_TOKEN = AuthInterceptor.class.getName() + ".token";

    private final AuthService auth;

    AuthInterceptor(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR
                || isPublic(method)) {
            return true;
        }
        String token = BearerToken.of(request);
        if (token == null) {
            throw ApiException.unauthorized("missing token: send Authorization: Bearer <token>");
        }
        CurrentUser user = auth.authenticate(token);
        request.setAttribute(CURRENT_USER, user);
        request.setAttribute(ACCESS_TOKEN, token);
        request.setAttribute(RequestLogFilter.USER_ATTRIBUTE, user.username());
        RequirePermission required = method.getMethodAnnotation(RequirePermission.class);
        if (required != null && Arrays.stream(required.value()).noneMatch(user::has)) {
            throw ApiException.forbidden("this needs the permission " + String.join(" or ", required.value()));
        }
        return true;
    }

    /** Marked {@link PublicEndpoint}, or part of the API description (springdoc), which is public like /health. */
    private static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PublicEndpoint.class)
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)
                || method.getBeanType().getPackageName().startsWith("org.springdoc.");
    }
}
