package io.distributedjob.support;

/**
 * What a shared test suite needs from the server it runs against. A suite is an interface with default
 * {@code @Test} methods; one class per database extends {@link H2ServerTest} or {@link MariaDbServerTest} and
 * implements it, so the same assertions prove every database.
 */
public interface ServerUnderTest {

    ApiClient api();

    default ApiClient admin() {
        return api().login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
    }
}
