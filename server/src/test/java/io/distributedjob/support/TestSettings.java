package io.distributedjob.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Settings every in-process test server shares: random ports, logs under target/, a known admin password. */
public final class TestSettings {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private TestSettings() {
    }

    public static void common(DynamicPropertyRegistry registry) {
        registry.add("rpc.port", () -> "0");
        registry.add("log.path", () -> "target/test-logs");
        registry.add("auth.adminUsername", () -> ADMIN_USERNAME);
        registry.add("auth.adminPassword", () -> ADMIN_PASSWORD);
        // every test client is 127.0.0.1: failed logins of unrelated tests must not lock the address for the others
        registry.add("auth.login.maxFailuresPerClient", () -> "100000");
    }
}
