package io.distributedjob.rpc;

import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.auth.AuthService;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.distributedjob.rpc.proto.auth.AuthServiceGrpc;
import io.distributedjob.rpc.proto.auth.AuthenticateRequest;
import io.distributedjob.rpc.proto.auth.AuthenticateResponse;
import io.distributedjob.rpc.proto.auth.RefreshTokenRequest;
import io.distributedjob.rpc.proto.auth.RefreshTokenResponse;
import io.distributedjob.rpc.proto.auth.UserInfo;
import io.distributedjob.rpc.proto.auth.UserPermissionsRequest;
import io.distributedjob.rpc.proto.auth.UserPermissionsResponse;
import io.distributedjob.rpc.proto.auth.ValidateTokenRequest;
import io.distributedjob.rpc.proto.auth.ValidateTokenResponse;
import io.distributedjob.user.UserAccounts.Account;
import io.distributedjob.user.UserAccounts;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/**
 * The spec's {@code auth.AuthService}, through the same {@link AuthService} as REST: the same tokens, sessions,
 * revocation and login throttling (failures through either API count together).
 */
@Service
class AuthRpcService extends AuthServiceGrpc.AuthServiceImplBase {

    private final AuthService auth;
    private final UserAccounts accounts;
    private final DepartmentScope scope;

    AuthRpcService(AuthService auth, UserAccounts accounts, DepartmentScope scope) {
        this.auth = auth;
        this.accounts = accounts;
        this.scope = scope;
    }

    /** Wrong credentials answer UNAUTHENTICATED, too many failed attempts RESOURCE_EXHAUSTED. */
    @Override
    public void authenticate(AuthenticateRequest request, StreamObserver<AuthenticateResponse> observer) {
        UnaryCall.answer(observer, () -> {
            if (request.getUsername().isBlank()) {
                throw ApiException.invalid("username: is required");
            }
            if (request.getPassword().isEmpty()) {
                throw ApiException.invalid("password: is required");
            }
            AuthService.Login login = auth.login(request.getUsername(), request.getPassword(), RpcCaller.clientAddress());
            AuthService.Profile user = login.user();
            return AuthenticateResponse.newBuilder()
                    .setSuccess(true)
                    .setAccessToken(login.token())
                    .setRefreshToken(login.refreshToken())
                    .setUserInfo(UserInfo.newBuilder()
                            .setUserId(user.id())
                            .setUsername(user.username())
                            .setRealName(nullToEmpty(user.realName()))
                            .setDepartmentId(user.departmentId())
                            .setDepartmentName(nullToEmpty(user.departmentName()))
                            .setRoleId(user.roleId())
                            .setRoleName(nullToEmpty(user.roleName())))
                    .setMessage("authenticated; the access token expires in " + login.expiresIn() + " seconds")
                    .build();
        });
    }

    /** A yes-or-no question: a token that does not pass answers {@code valid=false} with the reason, not an error. */
    @Override
    public void validateToken(ValidateTokenRequest request, StreamObserver<ValidateTokenResponse> observer) {
        UnaryCall.answer(observer, () -> {
            try {
                CurrentUser user = auth.authenticate(request.getToken().strip());
                return ValidateTokenResponse.newBuilder().setValid(true).setUserId(user.id()).setMessage("valid").build();
            } catch (ApiException e) {
                if (e.error() != ErrorCode.UNAUTHORIZED) {
                    throw e;
                }
                return ValidateTokenResponse.newBuilder().setValid(false).setMessage(e.getMessage()).build();
            }
        });
    }

    @Override
    public void refreshToken(RefreshTokenRequest request, StreamObserver<RefreshTokenResponse> observer) {
        UnaryCall.answer(observer, () -> {
            if (request.getRefreshToken().isBlank()) {
                throw ApiException.invalid("refresh_token: is required");
            }
            AuthService.Refreshed refreshed = auth.refresh(request.getRefreshToken().strip(), RpcCaller.clientAddress());
            return RefreshTokenResponse.newBuilder()
                    .setSuccess(true)
                    .setAccessToken(refreshed.token())
                    .setRefreshToken(refreshed.refreshToken())
                    .setMessage("refreshed; the access token expires in " + refreshed.expiresIn() + " seconds")
                    .build();
        });
    }

    /**
     * {@code user_id} 0 (or the caller's own id) asks for the caller's permissions; another user's need
     * {@code user:manage} and the user within the caller's department scope.
     */
    @Override
    public void getUserPermissions(UserPermissionsRequest request, StreamObserver<UserPermissionsResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser caller = RpcCaller.user();
            long userId = request.getUserId() == 0 ? caller.id() : request.getUserId();
            if (userId < 0) {
                throw ApiException.invalid("user_id: must be a positive whole number, or 0 for yourself");
            }
            if (userId != caller.id()) {
                if (!caller.has(Permissions.USER_MANAGE)) {
                    throw ApiException.forbidden("another user's permissions need the permission " + Permissions.USER_MANAGE);
                }
                Account account = accounts.findById(userId)
                        .orElseThrow(() -> ApiException.notFound("user " + userId + " not found"));
                scope.requireAccess(caller, account.departmentId());
            }
            Set<String> permissions = auth.permissionsOf(userId);
            return UserPermissionsResponse.newBuilder()
                    .setSuccess(true).addAllPermissions(permissions.stream().sorted().toList())
                    .setMessage(permissions.size() + " permissions").build();
        });
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
