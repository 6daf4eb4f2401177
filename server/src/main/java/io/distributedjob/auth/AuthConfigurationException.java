package io.distributedjob.auth;

/**
 * An {@code auth} setting that passed type checks but cannot be used (a weak JWT secret, an unreachable Redis);
 * the message names the key and says what to do, and start-up stops with it as one line.
 */
public class AuthConfigurationException extends RuntimeException {

    AuthConfigurationException(String message) {
        super(message);
    }

    AuthConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
