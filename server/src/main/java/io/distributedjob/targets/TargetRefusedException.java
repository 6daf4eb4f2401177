package io.distributedjob.targets;

import java.net.UnknownHostException;

/**
 * A target the policy does not let a task reach. It is an {@link UnknownHostException} so that an HTTP client
 * asking the policy for addresses gives up on the host at once, before any connection is made.
 */
public class TargetRefusedException extends UnknownHostException {

    TargetRefusedException(String message) {
        super(message);
    }
}
