package io.distributedjob.auth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.distributedjob.config.AuthSettings;
import io.distributedjob.config.DatabaseSettings;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies tokens: HS256 only, issuer, kind, id, subject, session and expiry all required and checked
 * against the clock with a small allowance for skew between instances.
 */
@Component
class TokenCodec {

    static final String ISSUER = "distributedjob";
    private static final String TYPE_CLAIM = "token_type";
    private static final String SESSION_CLAIM = "sid";
    private static final String VERSION_CLAIM = "ver";
    private static final String PASSWORD_CHANGE_CLAIM = "pwd_change";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Duration skew;

    TokenCodec(AuthSettings auth, DatabaseSettings database, Clock clock) {
        byte[] secret = JwtSecret.resolve(auth, database);
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new AuthConfigurationException("auth.jwtSecret cannot be used as an HS256 key: " + e.getMessage(), e);
        }
        this.clock = clock;
        this.accessLifetime = Duration.ofMinutes(auth.accessTokenMinutes());
        this.refreshLifetime = Duration.ofHours(auth.jwtExpireHours());
        this.skew = Duration.ofSeconds(auth.clockSkewSeconds());
    }

    Duration lifetime(TokenType type) {
        return type == TokenType.ACCESS ? accessLifetime : refreshLifetime;
    }

    Duration skew() {
        return skew;
    }

    /** @param passwordChangeRequired the session was opened with the sample password, which must change first */
    IssuedToken issue(TokenType type, long userId, String sessionId, long tokenVersion, boolean passwordChangeRequired) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiry = now.plus(lifetime(type));
        String id = UUID.randomUUID().toString();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .jwtID(id)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .claim(TYPE_CLAIM, type.claim())
                .claim(SESSION_CLAIM, sessionId)
                .claim(VERSION_CLAIM, tokenVersion);
        if (passwordChangeRequired) {
            builder.claim(PASSWORD_CHANGE_CLAIM, true);
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(type.header())).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), id, sessionId, expiry);
    }

    /** The verified claims of a token of the expected kind; 401/4010 for anything else. */
    TokenClaims verify(String token, TokenType expected) {
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getType() == null
                || !expected.header().equals(header.getType().getType())) {
            throw invalid();
        }
        try {
            if (!jwt.verify(verifier)) {
                throw invalid();
            }
            return claims(jwt.getJWTClaimsSet(), expected);
        } catch (JOSEException | ParseException e) {
            throw invalid();
        }
    }

    private TokenClaims claims(JWTClaimsSet claims, TokenType expected) throws ParseException {
        Instant now = clock.instant();
        if (!ISSUER.equals(claims.getIssuer()) || !expected.claim().equals(claims.getStringClaim(TYPE_CLAIM))
                || claims.getJWTID() == null || claims.getStringClaim(SESSION_CLAIM) == null
                || claims.getLongClaim(VERSION_CLAIM) == null || claims.getExpirationTime() == null
                || claims.getIssueTime() == null) {
            throw invalid();
        }
        Instant expiry = claims.getExpirationTime().toInstant();
        if (!now.isBefore(expiry.plus(skew))) {
            throw ApiException.unauthorized("token expired");
        }
        Instant earliest = claims.getNotBeforeTime() == null ? claims.getIssueTime().toInstant()
                : claims.getNotBeforeTime().toInstant();
        if (now.plus(skew).isBefore(earliest)) {
            throw invalid();
        }
        long userId;
        try {
            userId = Long.parseLong(claims.getSubject());
        } catch (NumberFormatException e) {
            throw invalid();
        }
        return new TokenClaims(claims.getJWTID(), userId, claims.getStringClaim(SESSION_CLAIM),
                claims.getLongClaim(VERSION_CLAIM), Boolean.TRUE.equals(claims.getBooleanClaim(PASSWORD_CHANGE_CLAIM)),
                expiry);
    }

    private static SignedJWT parse(String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("missing token");
        }
        try {
            return SignedJWT.parse(token.strip());
        } catch (ParseException | RuntimeException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("invalid token");
    }

    record IssuedToken(String token, String id, String sessionId, Instant expiresAt) {
    }

    /**
     * @param id           the token's own id (jti)
     * @param userId       whose token it is
     * @param sessionId    the login session (refresh family) it belongs to
     * @param tokenVersion the user's token version when it was issued
     * @param passwordChangeRequired the session was opened with the sample password
     * @param expiresAt    when it stops being valid, before skew
     */
    record TokenClaims(String id, long userId, String sessionId, long tokenVersion, boolean passwordChangeRequired,
                       Instant expiresAt) {
    }
}
