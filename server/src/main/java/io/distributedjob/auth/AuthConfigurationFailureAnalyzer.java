package io.distributedjob.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an unusable {@code auth} setting as one line naming the key. */
public class AuthConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<AuthConfigurationException> {

    static final String ACTION = "Fix the value in configs/config.yaml, the environment or the command line.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuthConfigurationException cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(), ACTION, cause);
    }
}
