package io.distributedjob.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ScriptOutputType;

/**
 * Attempt counts shared by every instance: per key a sorted set of attempt ids scored by time and a lock key
 * expiring with the lock. One Lua script checks and counts all keys of an attempt, so Redis sees it atomically.
 */
class RedisAttemptLimiter implements AttemptLimiter {

    /**
     * KEYS: per quota its attempt set and its lock. ARGV: now (ms), attempt id, then per quota max, window (ms)
     * and lock (ms). Answers {admitted, retry after (ms), number of the quota whose lock this call started}.
     */
    private static final String ADMIT = """
            local now = tonumber(ARGV[1])
            local quotas = #KEYS / 2
            local wait = 0
            for i = 1, quotas do
              local left = redis.call('PTTL', KEYS[2 * i])
              if left > wait then wait = left end
            end
            if wait > 0 then return {0, wait, 0} end
            for i = 1, quotas do
              local max = tonumber(ARGV[3 * i])
              local window = tonumber(ARGV[3 * i + 1])
              local lock = tonumber(ARGV[3 * i + 2])
              redis.call('ZREMRANGEBYSCORE', KEYS[2 * i - 1], '-inf', now - window)
              if redis.call('ZCARD', KEYS[2 * i - 1]) >= max then
                redis.call('DEL', KEYS[2 * i - 1])
                redis.call('SET', KEYS[2 * i], '1', 'PX', lock)
                return {0, lock, i}
              end
            end
            for i = 1, quotas do
              redis.call('ZADD', KEYS[2 * i - 1], now, ARGV[2])
              redis.call('PEXPIRE', KEYS[2 * i - 1], tonumber(ARGV[3 * i + 1]))
            end
            return {1, 0, 0}
            """;

    private final AuthRedis redis;
    private final Clock clock;

    RedisAttemptLimiter(AuthRedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Admission admit(String attemptId, List<Quota> quotas) {
        List<String> keys = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of(Long.toString(clock.millis()), attemptId));
        for (Quota quota : quotas) {
            keys.add(attemptsKey(quota.key()));
            keys.add(lockKey(quota.key()));
            arguments.add(Integer.toString(quota.max()));
            arguments.add(Long.toString(quota.window().toMillis()));
            arguments.add(Long.toString(quota.lock().toMillis()));
        }
        List<Long> answer = redis.call(commands -> commands.eval(ADMIT, ScriptOutputType.MULTI,
                keys.toArray(String[]::new), arguments.toArray(String[]::new)));
        if (answer.get(0) == 1) {
            return Admission.ADMITTED;
        }
        int locked = answer.get(2).intValue();
        return Admission.refused(Duration.ofMillis(answer.get(1)), locked == 0 ? null : quotas.get(locked - 1).key());
    }

    @Override
    public void release(String key, String attemptId) {
        redis.call(commands -> commands.zrem(attemptsKey(key), attemptId));
    }

    @Override
    public void forget(String key) {
        redis.call(commands -> commands.del(attemptsKey(key)));
    }

    private String attemptsKey(String key) {
        return redis.key("attempts:" + key);
    }

    private String lockKey(String key) {
        return redis.key("locked:" + key);
    }
}
