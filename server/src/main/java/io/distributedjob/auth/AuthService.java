package io.distributedjob.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.distributedjob.audit.AuditEntry;
import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.auth.TokenCodec.IssuedToken;
import io.distributedjob.auth.TokenCodec.TokenClaims;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.role.RoleDirectory;
import io.distributedjob.user.UserAccounts;
import io.distributedjob.user.UserAccounts.Account;
import io.distributedjob.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * Logins, token refresh and logout, and the check of an access token on every request; REST and gRPC both go
 * through here.
 *
 * <p>A login opens a session: its access and refresh tokens share a session id. Refreshing consumes the refresh
 * token and hands out a new pair; presenting a consumed refresh token again means it leaked, so the whole session
 * is revoked. Logging out revokes the access token and the session. A user's tokens also stop working when their
 * token version moves on (password changed, account disabled) or the account is deleted.
 */
@Service
public class AuthService {

    static final String LOGIN_FAILED = "invalid username or password";
    private static final String TOKEN_REVOKED = "token revoked";
    private static final int MAX_USERNAME_LENGTH = 50;

    private final TokenCodec tokens;
    private final TokenRevoker revoker;
    private final LoginThrottle throttle;
    private final UserAccounts accounts;
    private final RoleDirectory roles;
    private final DepartmentDirectory departments;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against when the username is unknown, so that case takes as long as a wrong password. */
    private final String decoyHash;

    AuthService(TokenCodec tokens, TokenRevoker revoker, LoginThrottle throttle, UserAccounts accounts,
                RoleDirectory roles, DepartmentDirectory departments, PasswordHasher hasher, AuditLog audit,
                Clock clock) {
        this.tokens = tokens;
        this.revoker = revoker;
        this.throttle = throttle;
        this.accounts = accounts;
        this.roles = roles;
        this.departments = departments;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash(UUID.randomUUID().toString());
    }

    /**
     * Checks the credentials and opens a session. Unknown user, wrong password and disabled account all answer
     * 401/4010 with the same message; too many failures answer 429/4029.
     */
    public Login login(String username, String password, String clientAddress) {
        String name = username == null ? "" : username.strip();
        try {
            throttle.check(name, clientAddress);
        } catch (ApiException e) {
            recordLogin(name, null, Outcome.FAILURE, "locked after repeated failures", clientAddress);
            throw e;
        }
        Optional<Account> found = name.isEmpty() || name.length() > MAX_USERNAME_LENGTH
                ? Optional.empty() : accounts.findByUsername(name);
        boolean passwordMatches = passwordMatches(password, found.map(Account::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !passwordMatches || !found.get().enabled()) {
            throttle.failed(name, clientAddress);
            String reason = found.isEmpty() ? "unknown user" : !passwordMatches ? "wrong password" : "account disabled";
            recordLogin(name, found.orElse(null), Outcome.FAILURE, reason, clientAddress);
            throw ApiException.unauthorized(LOGIN_FAILED);
        }
        Account account = found.get();
        throttle.succeeded(name);
        String session = UUID.randomUUID().toString();
        IssuedToken access = tokens.issue(TokenType.ACCESS, account.id(), session, account.tokenVersion());
        IssuedToken refresh = tokens.issue(TokenType.REFRESH, account.id(), session, account.tokenVersion());
        recordLogin(account.username(), account, Outcome.SUCCESS, null, clientAddress);
        return new Login(access.token(), refresh.token(), tokens.lifetime(TokenType.ACCESS).toSeconds(), profile(account));
    }

    /** Exchanges a refresh token for a new pair in the same session; 401/4010 when it cannot be used. */
    public Refreshed refresh(String refreshToken) {
        TokenClaims claims = tokens.verify(refreshToken, TokenType.REFRESH);
        if (revoker.anyRevoked(sessionKey(claims.sessionId()))) {
            throw ApiException.unauthorized(TOKEN_REVOKED);
        }
        if (!revoker.revokeFirst(tokenKey(claims.id()), claims.expiresAt().plus(tokens.skew()))) {
            revokeSession(claims.sessionId());
            throw ApiException.unauthorized("refresh token already used: the session is revoked");
        }
        Account account = currentAccount(claims);
        IssuedToken access = tokens.issue(TokenType.ACCESS, account.id(), claims.sessionId(), account.tokenVersion());
        IssuedToken refresh = tokens.issue(TokenType.REFRESH, account.id(), claims.sessionId(), account.tokenVersion());
        return new Refreshed(access.token(), refresh.token(), tokens.lifetime(TokenType.ACCESS).toSeconds());
    }

    /** The caller of a request carrying this access token; 401/4010 for a missing, bad, expired or revoked one. */
    public CurrentUser authenticate(String accessToken) {
        TokenClaims claims = tokens.verify(accessToken, TokenType.ACCESS);
        if (revoker.anyRevoked(tokenKey(claims.id()), sessionKey(claims.sessionId()))) {
            throw ApiException.unauthorized(TOKEN_REVOKED);
        }
        Account account = currentAccount(claims);
        return new CurrentUser(account.id(), account.username(), account.departmentId(), account.roleId(),
                Set.copyOf(roles.grantedPermissions(account.roleId())));
    }

    /** Revokes the access token and its whole session, refresh tokens included. */
    public void logout(String accessToken, CurrentUser user) {
        TokenClaims claims = tokens.verify(accessToken, TokenType.ACCESS);
        revoker.revoke(tokenKey(claims.id()), claims.expiresAt().plus(tokens.skew()));
        revokeSession(claims.sessionId());
        audit.record(user, AuditLog.LOGOUT, AuditLog.USER, user.id(), Outcome.SUCCESS, null);
    }

    /** The user's profile and permission codes, as {@code GET /auth/userinfo} shows them. */
    public UserInfo userInfo(CurrentUser user) {
        Account account = accounts.findById(user.id()).orElseThrow(() -> ApiException.unauthorized(TOKEN_REVOKED));
        Profile profile = profile(account);
        return new UserInfo(profile.id(), profile.username(), profile.realName(), account.email(), account.phone(),
                profile.departmentId(), profile.departmentName(), profile.roleId(), profile.roleName(),
                List.copyOf(roles.grantedPermissions(account.roleId())));
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
        revoker.revoke(sessionKey(sessionId), until);
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

    private static String tokenKey(String tokenId) {
        return "jti:" + tokenId;
    }

    private static String sessionKey(String sessionId) {
        return "sid:" + sessionId;
    }

    /** A session opened by a login: {@code expiresIn} is the access token's lifetime in seconds. */
    public record Login(String token, String refreshToken, long expiresIn, Profile user) {
    }

    public record Refreshed(String token, String refreshToken, long expiresIn) {
    }

    public record Profile(long id, String username, String realName, long departmentId, String departmentName,
                          long roleId, String roleName) {
    }

    public record UserInfo(long id, String username, String realName, String email, String phone, long departmentId,
                           String departmentName, long roleId, String roleName, List<String> permissions) {
    }
}
