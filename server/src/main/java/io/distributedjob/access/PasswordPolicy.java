package io.distributedjob.access;

import java.nio.charset.StandardCharsets;

import io.distributedjob.kernel.ApiException;

/** What a new password must satisfy. BCrypt reads at most 72 bytes, so longer ones are refused, not cut. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Throws 400/4001 naming {@code field} unless the password is acceptable. */
    public static void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.invalid(field + ": is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.invalid(field + ": must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.invalid(field + ": must be at most " + MAX_BYTES + " bytes");
        }
    }
}
