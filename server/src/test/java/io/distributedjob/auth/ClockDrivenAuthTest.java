package io.distributedjob.auth;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.MutableClock;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/** Token expiry and login and refresh throttling, driven by moving the server's clock instead of waiting. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClockDrivenAuthTest implements ServerUnderTest {

    private static final Path DATA = Path.of("target", "test-data", "clock-" + UUID.randomUUID());

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final int ACCESS_MINUTES = 10;
    private static final int REFRESH_HOURS = 2;
    private static final int SKEW_SECONDS = 30;
    private static final int MAX_PER_USER = 3;
    private static final int MAX_PER_CLIENT = 8;
    private static final int WINDOW_SECONDS = 60;
    private static final int LOCK_SECONDS = 120;
    private static final int MAX_REFRESHES_PER_SESSION = 3;
    private static final int REFRESH_WINDOW_SECONDS = 60;

    @TestBean
    private Clock clock;

    @LocalServerPort
    private int port;

    static Clock clock() {
        return CLOCK;
    }

    @DynamicPropertySource
    static void shortLifetimesAndLowLimits(DynamicPropertyRegistry registry) {
        TestSettings.common(registry);
        registry.add("database.url", () -> "");
        registry.add("database.embeddedPath", () -> DATA.toAbsolutePath().toString());
        registry.add("auth.accessTokenMinutes", () -> ACCESS_MINUTES);
        registry.add("auth.jwtExpireHours", () -> REFRESH_HOURS);
        registry.add("auth.clockSkewSeconds", () -> SKEW_SECONDS);
        registry.add("auth.login.maxFailuresPerUser", () -> MAX_PER_USER);
        registry.add("auth.login.maxFailuresPerClient", () -> MAX_PER_CLIENT);
        registry.add("auth.login.windowSeconds", () -> WINDOW_SECONDS);
        registry.add("auth.login.lockSeconds", () -> LOCK_SECONDS);
        registry.add("auth.refresh.maxPerSession", () -> MAX_REFRESHES_PER_SESSION);
        registry.add("auth.refresh.windowSeconds", () -> REFRESH_WINDOW_SECONDS);
    }

    /** Failures and locks of one test must not reach into the next, whatever their order. */
    @BeforeEach
    void forgetEarlierFailures() {
        CLOCK.advance(Duration.ofSeconds(WINDOW_SECONDS + LOCK_SECONDS + 1));
    }

    @Test
    void anAccessTokenExpiresAfterItsLifetimeAndTheSkewAllowance() {
        JsonNode login = adminLogin();
        ApiClient session = api().withToken(login.get("token").asString());

        CLOCK.advance(Duration.ofMinutes(ACCESS_MINUTES).plusSeconds(SKEW_SECONDS - 5));
        assertThat(session.get("/auth/userinfo").status()).as("within the skew allowance").isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(10));
        ApiResult expired = session.get("/auth/userinfo");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo(4010);
        assertThat(expired.message()).contains("expired");

        ApiResult refreshed = api().post("/auth/refresh", json("refreshToken", login.get("refreshToken").asString()));
        assertThat(refreshed.status()).as("the refresh token lives longer").isEqualTo(200);
        assertThat(api().withToken(refreshed.data().get("token").asString()).get("/auth/userinfo").status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenExpiresAfterJwtExpireHours() {
        JsonNode login = adminLogin();

        CLOCK.advance(Duration.ofHours(REFRESH_HOURS).plusSeconds(SKEW_SECONDS + 1));

        ApiResult refresh = api().post("/auth/refresh", json("refreshToken", login.get("refreshToken").asString()));
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.message()).contains("expired");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        CLOCK.advance(Duration.ofHours(1));
        String token = adminLogin().get("token").asString();
        CLOCK.advance(Duration.ofHours(-1));

        assertThat(api().withToken(token).get("/auth/userinfo").status()).isEqualTo(401);
        CLOCK.advance(Duration.ofHours(1));
    }

    @Test
    void aSessionRefreshingTooOftenIsRefusedUntilTheWindowPasses() {
        String refresh = adminLogin().get("refreshToken").asString();
        for (int i = 0; i < MAX_REFRESHES_PER_SESSION; i++) {
            ApiResult refreshed = api().post("/auth/refresh", json("refreshToken", refresh));
            assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
            refresh = refreshed.data().get("refreshToken").asString();
        }

        ApiResult refused = api().post("/auth/refresh", json("refreshToken", refresh));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo(4029);
        assertThat(refused.message()).matches("too many refreshes: try again in [1-9]\\d* seconds");
        assertThat(api().post("/auth/refresh", json("refreshToken", adminLogin().get("refreshToken").asString())).status())
                .as("another session goes on").isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(REFRESH_WINDOW_SECONDS + 1));
        assertThat(api().post("/auth/refresh", json("refreshToken", refresh)).status())
                .as("the refused attempt did not use the token up").isEqualTo(200);
    }

    @Test
    void repeatedFailuresLockTheUsernameUntilTheLockTimePasses() {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created user = org.user("throttled", org.rootDepartment(), org.role("empty"));
        for (int i = 0; i < MAX_PER_USER; i++) {
            assertThat(login(user.username(), "wrong-password").status()).isEqualTo(401);
        }

        ApiResult locked = login(user.username(), OrgFixture.PASSWORD);
        assertThat(locked.status()).as("even the right password").isEqualTo(429);
        assertThat(locked.code()).isEqualTo(4029);
        assertThat(locked.message()).isEqualTo("too many failed logins: try again in " + LOCK_SECONDS + " seconds");
        assertThat(login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD).status()).as("other names go on").isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(LOCK_SECONDS - 1));
        assertThat(login(user.username(), OrgFixture.PASSWORD).status()).isEqualTo(429);
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(login(user.username(), OrgFixture.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aParallelBurstOfWrongPasswordsGetsNoFurtherThanTheLimitAndItsLockIsAuditedOnce() throws Exception {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created user = org.user("burst", org.rootDepartment(), org.role("empty"));
        int burst = 24;
        List<Integer> statuses;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return login(user.username(), "wrong-password").status();
                }));
            }
            start.countDown();
            statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).as("checked against the password").filteredOn(status -> status == 401).hasSize(MAX_PER_USER);
        assertThat(statuses).as("throttled").filteredOn(status -> status == 429).hasSize(burst - MAX_PER_USER);
        JsonNode entries = admin().get("/audit-logs?action=LOGIN&actor=" + user.username() + "&size=100").data().get("list");
        List<String> details = entries.valueStream().map(entry -> entry.get("detail").asString()).toList();
        assertThat(details).filteredOn("wrong password"::equals).hasSize(MAX_PER_USER);
        assertThat(details).as("one row for the lock, however many attempts it refused")
                .filteredOn(detail -> detail.startsWith("username locked")).hasSize(1);
        assertThat(details).hasSize(MAX_PER_USER + 1);
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        OrgFixture org = new OrgFixture(admin());
        OrgFixture.Created user = org.user("slow", org.rootDepartment(), org.role("empty"));
        for (int i = 0; i < MAX_PER_USER + 2; i++) {
            assertThat(login(user.username(), "wrong-password").status()).isEqualTo(401);
            CLOCK.advance(Duration.ofSeconds(WINDOW_SECONDS / (MAX_PER_USER - 1) + 1));
        }

        assertThat(login(user.username(), OrgFixture.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void manyFailuresFromOneClientLockThatClientForEveryName() {
        for (int i = 0; i < MAX_PER_CLIENT; i++) {
            assertThat(login(OrgFixture.unique("spray"), "wrong-password").status()).isEqualTo(401);
        }

        ApiResult locked = login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo(4029);
        assertThat(locked.message()).isEqualTo("too many failed logins: try again in " + LOCK_SECONDS + " seconds");

        CLOCK.advance(Duration.ofSeconds(LOCK_SECONDS + 1));
        assertThat(login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Override
    public ApiClient api() {
        return ApiClient.onPort(port);
    }

    private ApiResult login(String username, String password) {
        return api().post("/auth/login", json("username", username, "password", password));
    }

    private JsonNode adminLogin() {
        ApiResult result = login(TestSettings.ADMIN_USERNAME, TestSettings.ADMIN_PASSWORD);
        assertThat(result.status()).as(result.raw()).isEqualTo(200);
        return result.data();
    }
}
