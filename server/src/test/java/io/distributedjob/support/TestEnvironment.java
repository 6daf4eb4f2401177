package io.distributedjob.support;

/** Where a test finds an outside service: a system property first, then an environment variable, then a default. */
final class TestEnvironment {

    private TestEnvironment() {
    }

    static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
