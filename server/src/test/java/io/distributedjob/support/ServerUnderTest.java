package io.distributedjob.support;

/**
 * What a shared test suite needs from the server it runs against. A suite is an interface with default
 * {@code @Test} methods; its test class holds one {@code @Nested} class per database, extending {@link H2ServerTest}
 * or {@link MariaDbServerTest} and implementing the suite, so the same assertions prove every database.
 */
public interface ServerUnderTest {

    ApiClient api();

    default ApiClient admin() {
        return api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
    }
}
