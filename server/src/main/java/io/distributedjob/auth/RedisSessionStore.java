package io.distributedjob.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

/** Sessions shared by every instance: one key per session holding its current refresh token id, or revoked. */
class RedisSessionStore implements SessionStore {

    private static final String REVOKED = "revoked";
    private static final long MIN_TTL_MILLIS = 1;

    /** KEYS: the session. ARGV: presented id, next id, ttl (ms), revoked marker. */
    private static final String ROTATE = """
            local current = redis.call('GET', KEYS[1])
            if current == ARGV[4] then return 'REVOKED' end
            if current and current ~= ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[4], 'PX', math.max(redis.call('PTTL', KEYS[1]), tonumber(ARGV[3])))
              return 'REUSED'
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 'ROTATED'
            """;

    private final AuthRedis redis;
    private final Clock clock;

    RedisSessionStore(AuthRedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public boolean open(String sessionId, String refreshId, Instant until) {
        long ttl = ttlMillis(until);
        redis.call(commands -> commands.set(key(sessionId), refreshId, SetArgs.Builder.px(ttl)));
        return true;
    }

    @Override
    public Rotation rotate(String sessionId, String presentedId, String nextId, Instant until) {
        String ttl = Long.toString(ttlMillis(until));
        String answer = redis.call(commands -> commands.eval(ROTATE, ScriptOutputType.STATUS,
                new String[] {key(sessionId)}, presentedId, nextId, ttl, REVOKED));
        return Rotation.valueOf(answer);
    }

    @Override
    public void revoke(String sessionId, Instant until) {
        long ttl = ttlMillis(until);
        redis.call(commands -> commands.set(key(sessionId), REVOKED, SetArgs.Builder.px(ttl)));
    }

    @Override
    public boolean isRevoked(String sessionId) {
        return REVOKED.equals(redis.call(commands -> commands.get(key(sessionId))));
    }

    private String key(String sessionId) {
        return redis.key("session:" + sessionId);
    }

    private long ttlMillis(Instant until) {
        return Math.max(MIN_TTL_MILLIS, Duration.between(clock.instant(), until).toMillis());
    }
}
