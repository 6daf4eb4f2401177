package io.distributedjob.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC-SHA256 signatures of the generic webhook and of the DingTalk and Feishu robots. */
final class Signatures {

    private static final String HMAC = "HmacSHA256";

    private Signatures() {
    }

    /** Generic webhook: hex HMAC of {@code <timestamp>.<body>} keyed with the channel secret. */
    static String webhook(String secret, long epochSeconds, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, epochSeconds + "." + body));
    }

    /** DingTalk: base64 HMAC of {@code <timestamp ms>\n<secret>} keyed with the secret (URL-encoded by the caller). */
    static String dingTalk(String secret, long epochMillis) {
        return Base64.getEncoder().encodeToString(hmac(secret, epochMillis + "\n" + secret));
    }

    /** Feishu: base64 HMAC of nothing, keyed with {@code <timestamp s>\n<secret>}. */
    static String feishu(String secret, long epochSeconds) {
        return Base64.getEncoder().encodeToString(hmac(epochSeconds + "\n" + secret, ""));
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
