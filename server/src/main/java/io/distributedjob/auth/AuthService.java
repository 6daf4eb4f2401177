package io.distributedjob.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.PasswordHasher;
import io.distributedjob.access.PasswordPolicy;
import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.audit.AuditEntry;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.auth.TokenCodec.IssuedToken;
import io.distributedjob.auth.TokenCodec.TokenClaims;
import io.distributedjob.config.AuthSettings;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.role.RoleDirectory;
import io.distributedjob.user.UserAccounts.Account;
import io.distributedjob.user.UserAccounts;
import org.springframework.stereotype.Service;

/**
 * Logins, token refresh and logout, and the check of an access token on every request; REST and gRPC both go
 * through here.
 *
 * <p>A login opens a session: its access and refresh tokens share a session id, and the session store keeps the
 * id of the session's one current refresh token. Refreshing replaces it by a new pair; presenting a refresh token
 * that is no longer the current one means it leaked, so the whole session is revoked. Logging out revokes the
 * session. A user's tokens also stop working when their token version moves on (password changed, account
 * disabled) or the account is deleted.
 *
 * <p>An account that still has the published sample password signs in only from the server's own host, and its
 * session says the password must change first.
 */
@Service
public class AuthService {

    static final String LOGIN_FAILED = "invalid username or password";
    private static final String TOKEN_REVOKED = "token revoked";
    private static final int MAX_USERNAME_LENGTH = 50;

    private final TokenCodec tokens;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final RefreshThrottle refreshThrottle;
    private final UserAccounts accounts;
    private final RoleDirectory roles;
    private final DepartmentDirectory departments;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against when the username is unknown, so that case takes as long as a wrong password. */
    private final String decoyHash;

    AuthService(TokenCodec tokens, SessionStore sessions, LoginThrottle throttle, RefreshThrottle refreshThrottle,
                UserAccounts accounts, RoleDirectory roles, DepartmentDirectory departments, PasswordHasher hasher,
                AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.refreshThrottle = refreshThrottle;
        this.accounts = accounts;
        this.roles = roles;
        this.departments = departments;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash(UUID.randomUUID().toString());
    }

    /** A login through gRPC, whose peer address is the client's own. */
    public Login login(String username, String password, String clientAddress) {
        return login(username, password, LoginClient.direct(clientAddress));
    }

    /**
     * Checks the credentials and opens a session. Unknown user, wrong password and disabled account all answer
     * 401/4010 with the same message; too many attempts answer 429/4029; the sample password from elsewhere than
     * the server's host 403/4003.
     */
    public Login login(String username, String password, LoginClient client) {
        String name = username == null ? "" : username.strip();
        LoginThrottle.Attempt attempt = throttle.admit(name, client.address(), (what, failures, lock) ->
                recordLogin(name, null, Outcome.FAILURE, what + " locked for " + lock.toSeconds() + " s after "
                        + failures + " attempts; attempts during the lock are refused without a record each",
                        client.address()));
        Optional<Account> found = name.isEmpty() || name.length() > MAX_USERNAME_LENGTH
                ? Optional.empty() : accounts.findByUsername(name);
        boolean passwordMatches = passwordMatches(password, found.map(Account::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !passwordMatches || !found.get().enabled()) {
            String reason = found.isEmpty() ? "unknown user" : !passwordMatches ? "wrong password" : "account disabled";
            recordLogin(name, found.orElse(null), Outcome.FAILURE, reason, client.address());
            throw ApiException.unauthorized(LOGIN_FAILED);
        }
        Account account = found.get();
        // the password matched, so comparing the plain text tells whether the stored one is the sample
        boolean samplePassword = AuthSettings.SAMPLE_ADMIN_PASSWORD.equals(password);
        if (samplePassword && !client.onServerHost()) {
            recordLogin(account.username(), account, Outcome.FAILURE, "sample password from another host", client.address());
            throw ApiException.forbidden("this account still has the sample password: sign in from the server's own"
                    + " host and change it first");
        }
        throttle.succeeded(attempt);
        String session = UUID.randomUUID().toString();
        IssuedToken access = tokens.issue(TokenType.ACCESS, account.id(), session, account.tokenVersion(), samplePassword);
        IssuedToken refresh = tokens.issue(TokenType.REFRESH, account.id(), session, account.tokenVersion(), samplePassword);
        if (!sessions.open(session, refresh.id(), refresh.expiresAt().plus(tokens.skew()))) {
            recordLogin(account.username(), account, Outcome.FAILURE, "session store full", client.address());
            throw new ApiException(ErrorCode.UNAVAILABLE, "too many open sessions: try again later");
        }
        recordLogin(account.username(), account, Outcome.SUCCESS, null, client.address());
        return new Login(access.token(), refresh.token(), tokens.lifetime(TokenType.ACCESS).toSeconds(),
                refresh.expiresAt(), samplePassword, profile(account));
    }

    /**
     * Exchanges a refresh token for a new pair in the same session; 401/4010 when it cannot be used, 429/4029 when
     * the session or the client refreshes too often.
     */
    public Refreshed refresh(String refreshToken, String clientAddress) {
        TokenClaims claims = tokens.verify(refreshToken, TokenType.REFRESH);
        refreshThrottle.admit(claims.sessionId(), clientAddress);
        Account account = currentAccount(claims);
        IssuedToken access = tokens.issue(TokenType.ACCESS, account.id(), claims.sessionId(), account.tokenVersion(),
                claims.passwordChangeRequired());
        IssuedToken refresh = tokens.issue(TokenType.REFRESH, account.id(), claims.sessionId(), account.tokenVersion(),
                claims.passwordChangeRequired());
        switch (sessions.rotate(claims.sessionId(), claims.id(), refresh.id(), refresh.expiresAt().plus(tokens.skew()))) {
            case ROTATED -> {
                return new Refreshed(access.token(), refresh.token(), tokens.lifetime(TokenType.ACCESS).toSeconds(),
                        refresh.expiresAt());
            }
            case REUSED -> throw ApiException.unauthorized("refresh token already used: the session is revoked");
            case FULL -> throw new ApiException(ErrorCode.UNAVAILABLE, "too many open sessions: try again later");
            default -> throw ApiException.unauthorized(TOKEN_REVOKED);
        }
    }

    /** The caller of a request carrying this access token; 401/4010 for a missing, bad, expired or revoked one. */
    public CurrentUser authenticate(String accessToken) {
        TokenClaims claims = tokens.verify(accessToken, TokenType.ACCESS);
        if (sessions.isRevoked(claims.sessionId())) {
            throw ApiException.unauthorized(TOKEN_REVOKED);
        }
        Account account = currentAccount(claims);
        return new CurrentUser(account.id(), account.username(), account.departmentId(), account.roleId(),
                Set.copyOf(roles.grantedPermissions(account.roleId())));
    }

    /** Revokes the session of the access token: its access and refresh tokens alike. */
    public void logout(String accessToken, CurrentUser user) {
        TokenClaims claims = tokens.verify(accessToken, TokenType.ACCESS);
        revokeSession(claims.sessionId());
        audit.record(user, AuditLog.LOGOUT, AuditLog.USER, user.id(), Outcome.SUCCESS, null);
    }

    /** The user's profile and permission codes, as {@code GET /auth/userinfo} shows them to this access token. */
    public UserInfo userInfo(CurrentUser user, String accessToken) {
        Account account = accounts.findById(user.id()).orElseThrow(() -> ApiException.unauthorized(TOKEN_REVOKED));
        Profile profile = profile(account);
        return new UserInfo(profile.id(), profile.username(), profile.realName(), account.email(), account.phone(),
                profile.departmentId(), profile.departmentName(), profile.roleId(), profile.roleName(),
                List.copyOf(roles.grantedPermissions(account.roleId())),
                tokens.verify(accessToken, TokenType.ACCESS).passwordChangeRequired());
    }

    /** The permission codes a user's role grants now; empty for an unknown user. */
    public Set<String> permissionsOf(long userId) {
        return accounts.findById(userId).map(account -> roles.grantedPermissions(account.roleId())).orElse(Set.of());
    }

    private Account currentAccount(TokenClaims claims) {
        return accounts.findById(claims.userId())
                .filter(Account::enabled)
                .filter(account -> account.tokenVersion() == claims.tokenVersion())
                .orElseThrow(() -> ApiException.unauthorized(TOKEN_REVOKED));
    }

    private void revokeSession(String sessionId) {
        // a session's tokens are all issued before this moment, so none outlives now + the longest lifetime
        Instant until = clock.instant().plus(tokens.lifetime(TokenType.REFRESH)).plus(tokens.skew());
        sessions.revoke(sessionId, until);
    }

    private boolean passwordMatches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            hasher.matches(decoyHash, decoyHash);
            return false;
        }
        return hasher.matches(password, hash);
    }

    private Profile profile(Account account) {
        return new Profile(account.id(), account.username(), account.realName(), account.departmentId(),
                departments.nameOf(account.departmentId()).orElse(null), account.roleId(),
                roles.nameOf(account.roleId()).orElse(null));
    }

    private void recordLogin(String name, Account account, Outcome outcome, String detail, String clientAddress) {
        audit.record(new AuditEntry(account == null ? null : account.id(), name,
                account == null ? null : account.departmentId(), AuditLog.LOGIN, AuditLog.USER,
                account == null ? null : account.id(), outcome, detail, clientAddress));
    }

    /**
     * A session opened by a login: {@code expiresIn} is the access token's lifetime in seconds;
     * {@code passwordChangeRequired} says the password is the sample one and must change before anything else.
     */
    public record Login(String token, String refreshToken, long expiresIn,
                        @JsonIgnore Instant refreshExpiresAt, boolean passwordChangeRequired, Profile user) {
    }

    public record Refreshed(String token, String refreshToken, long expiresIn, @JsonIgnore Instant refreshExpiresAt) {
    }

    public record Profile(long id, String username, String realName, long departmentId, String departmentName,
                          long roleId, String roleName) {
    }

    public record UserInfo(long id, String username, String realName, String email, String phone, long departmentId,
                           String departmentName, long roleId, String roleName, List<String> permissions,
                           boolean passwordChangeRequired) {
    }
}
