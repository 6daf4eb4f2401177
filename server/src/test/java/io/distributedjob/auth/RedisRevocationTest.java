package io.distributedjob.auth;

import io.distributedjob.support.Needs;
import io.distributedjob.support.Redis;
import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.MariaDb;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerInstance;
import io.distributedjob.support.TestService;
import io.distributedjob.support.TestSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import tools.jackson.databind.JsonNode;

/**
 * Two server instances sharing a MariaDB schema, the machine's real Redis (127.0.0.1:6379) and one jwtSecret: a
 * token revoked through one is refused by the other. Keys carry a prefix unique to this run.
 */
@Needs({TestService.MARIADB, TestService.REDIS})
class RedisRevocationTest {

    private static final String PREFIX = "dj-test-" + UUID.randomUUID() + ":";
    private static final int REFRESH_HOURS = 3;
    private static final int SKEW_SECONDS = 30;
    private static final int MAX_FAILURES_PER_USER = 4;

    private static ServerInstance first;
    private static ServerInstance second;
    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redis;

    @BeforeAll
    static void startTwoInstances() {
        String schema = MariaDb.freshSchema();
        Map<String, Object> shared = Map.of(
                "database.url", MariaDb.hostPort(),
                "database.username", MariaDb.username(),
                "database.password", MariaDb.password(),
                "database.schema", schema,
                "auth.jwtSecret", "shared-secret-" + UUID.randomUUID(),
                "auth.jwtExpireHours", REFRESH_HOURS,
                "auth.clockSkewSeconds", SKEW_SECONDS,
                "auth.revoker", "redis",
                "auth.redis.host", Redis.host(),
                "auth.redis.port", Redis.port());
        first = ServerInstance.start(withDataDirectory(shared, "first"));
        second = ServerInstance.start(withDataDirectory(shared, "second"));
        redisClient = RedisClient.create("redis://" + Redis.hostPort());
        redis = redisClient.connect();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            List<String> keys = redis.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
            redis.close();
            redisClient.shutdown();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aTokenLoggedOutOnOneInstanceIsRefusedByTheOther() {
        JsonNode login = login(first.api());
        ApiClient onSecond = second.api().withToken(login.get("token").asString());
        assertThat(onSecond.get("/auth/userinfo").status()).as("the shared secret").isEqualTo(200);

        assertThat(first.api().withToken(login.get("token").asString()).post("/auth/logout", null).status()).isEqualTo(200);

        ApiResult refused = onSecond.get("/auth/userinfo");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo(4010);
        assertThat(second.api().post("/auth/refresh", json("refreshToken", login.get("refreshToken").asString())).status())
                .isEqualTo(401);
    }

    @Test
    void aRefreshTokenRotatedOnOneInstanceCannotBeReusedOnTheOther() {
        JsonNode login = login(first.api());
        String original = login.get("refreshToken").asString();
        ApiResult rotated = first.api().post("/auth/refresh", json("refreshToken", original));
        assertThat(rotated.status()).isEqualTo(200);

        assertThat(second.api().post("/auth/refresh", json("refreshToken", original)).status()).isEqualTo(401);
        assertThat(first.api().withToken(rotated.data().get("token").asString()).get("/auth/userinfo").status())
                .as("reuse revoked the session everywhere").isEqualTo(401);
    }

    @Test
    void aBurstOfWrongPasswordsOverBothInstancesGetsNoFurtherThanOneLimitTogether() throws Exception {
        ApiClient admin = first.api().withToken(login(first.api()).get("token").asString());
        OrgFixture org = new OrgFixture(admin);
        OrgFixture.Created user = org.user("cluster-burst", org.rootDepartment(), org.role("empty"));
        int burst = 30;
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                ApiClient instance = i % 2 == 0 ? first.api() : second.api();
                answers.add(threads.submit(() -> {
                    start.await();
                    return instance.post("/auth/login", json("username", user.username(), "password", "wrong-password"))
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(MAX_FAILURES_PER_USER);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(burst - MAX_FAILURES_PER_USER);
        assertThat(second.api().post("/auth/login", json("username", user.username(), "password", OrgFixture.PASSWORD))
                .status()).as("locked on both").isEqualTo(429);
    }

    @Test
    void revocationsExpireWithTheTokensTheyCover() {
        JsonNode login = login(second.api());
        second.api().withToken(login.get("token").asString()).post("/auth/logout", null);

        List<String> keys = redis.sync().keys(PREFIX + "*");
        assertThat(keys).isNotEmpty();
        long longest = Duration.ofHours(REFRESH_HOURS).plusSeconds(SKEW_SECONDS).toMillis();
        for (String key : keys) {
            assertThat(redis.sync().pttl(key)).as(key).isPositive().isLessThanOrEqualTo(longest);
        }
    }

    @Test
    void anUnreachableRedisStopsStartUpWithALineNamingTheSetting() {
        Path data = Path.of("target", "test-data", "redis-down-" + UUID.randomUUID());
        Map<String, Object> settings = Map.of(
                "database.url", "",
                "database.embeddedPath", data.toAbsolutePath().toString(),
                "auth.revoker", "redis",
                "auth.redis.host", "127.0.0.1",
                "auth.redis.port", 1);

        Throwable failure = catchThrowable(() -> ServerInstance.run(settings));

        FailureAnalysis analysis = new AuthConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysed as an auth setting").isNotNull();
        assertThat(analysis.getDescription()).startsWith("Invalid configuration: auth.revoker is redis")
                .contains("auth.redis").doesNotContain("\n");
    }

    private static JsonNode login(ApiClient api) {
        ApiResult result = api.post("/auth/login",
                json("username", TestSettings.ADMIN_USERNAME, "password", TestSettings.ADMIN_PASSWORD));
        assertThat(result.status()).as(result.raw()).isEqualTo(200);
        return result.data();
    }

    private static Map<String, Object> withDataDirectory(Map<String, Object> shared, String name) {
        Map<String, Object> settings = new java.util.HashMap<>(shared);
        settings.put("auth.redis.keyPrefix", PREFIX);
        settings.put("auth.login.maxFailuresPerUser", MAX_FAILURES_PER_USER);
        settings.put("database.embeddedPath", Path.of("target", "test-data", "redis-" + name + "-" + UUID.randomUUID())
                .toAbsolutePath().toString());
        return settings;
    }
}
