package io.distributedjob.support;

/**
 * The machine's real Redis for revocation tests, reached at {@code DJ_TEST_REDIS_HOST}:{@code DJ_TEST_REDIS_PORT}
 * (default {@code 127.0.0.1:6379}).
 */
public final class Redis {

    private Redis() {
    }

    public static String host() {
        return TestEnvironment.setting("dj.test.redis.host", "DJ_TEST_REDIS_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(TestEnvironment.setting("dj.test.redis.port", "DJ_TEST_REDIS_PORT", "6379"));
    }

    public static String hostPort() {
        return host() + ":" + port();
    }
}
