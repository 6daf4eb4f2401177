package io.distributedjob.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Forged and damaged tokens, built the way an attacker would. */
final class Tokens {

    private Tokens() {
    }

    /** The token with one character of its payload changed: the signature no longer matches. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\"sub\":\"(\\d+)\"", "\"sub\":\"1$1\"");
        return parts[0] + "." + encode(changed) + "." + parts[2];
    }

    /** The token's claims under {@code alg: none}, without a signature. */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
    }

    /** The token's claims signed, correctly, with a secret the server does not have. */
    static String signedWithOtherSecret(String token) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        forged.sign(new MACSigner("another-secret-that-is-long-enough-for-hs256!".getBytes(StandardCharsets.UTF_8)));
        return forged.serialize();
    }

    static Date expiry(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
