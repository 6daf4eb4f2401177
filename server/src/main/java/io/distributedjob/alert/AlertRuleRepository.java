package io.distributedjob.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.distributedjob.storage.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alert_rule_set, alert_rule and alert_rule_channel tables: rule sets replaced whole. Every finished fire asks
 * for the rules of its task and departments, and rule sets change seldom, so sets read are kept for
 * {@link #KEPT_FOR}: an edit made here applies at once, one made on another instance once the kept set expires.
 */
@Repository
class AlertRuleRepository {

    static final Duration KEPT_FOR = Duration.ofSeconds(5);

    private record Kept(Optional<List<AlertRule>> rules, long expiresAtNanos) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<RuleOwner, Kept> kept = new ConcurrentHashMap<>();
    /** When expired sets were last dropped: every task that fires is an owner asked for, so they must not pile up. */
    private volatile long sweptAtNanos = System.nanoTime();

    AlertRuleRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The owner's own rules, or empty when it has none of its own and inherits. */
    Optional<List<AlertRule>> find(RuleOwner owner) {
        long now = System.nanoTime();
        Kept known = kept.get(owner);
        if (known != null && now - known.expiresAtNanos() < 0) {
            return known.rules();
        }
        Optional<List<AlertRule>> read = read(owner);
        kept.put(owner, new Kept(read, now + KEPT_FOR.toNanos()));
        if (now - sweptAtNanos > KEPT_FOR.toNanos()) {
            sweptAtNanos = now;
            kept.values().removeIf(set -> now - set.expiresAtNanos() >= 0);
        }
        return read;
    }

    private Optional<List<AlertRule>> read(RuleOwner owner) {
        boolean own = jdbc.sql("SELECT COUNT(*) FROM alert_rule_set WHERE owner_type = ? AND owner_id = ?")
                .params(owner.type().name(), owner.id()).query(Long.class).single() > 0;
        if (!own) {
            return Optional.empty();
        }
        Map<Long, AlertRule> rules = new LinkedHashMap<>();
        jdbc.sql("SELECT id, kind, threshold, throttle_seconds FROM alert_rule WHERE owner_type = ? AND owner_id = ?"
                        + " ORDER BY id")
                .params(owner.type().name(), owner.id())
                .query((rs, n) -> new AlertRule(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
                        rs.getInt("threshold"), rs.getInt("throttle_seconds"), new ArrayList<>()))
                .list().forEach(rule -> rules.put(rule.id(), rule));
        if (!rules.isEmpty()) {
            jdbc.sql("SELECT rule_id, channel_id FROM alert_rule_channel WHERE rule_id IN ("
                            + AlertChannelRepository.placeholders(rules.size()) + ") ORDER BY channel_id")
                    .params(List.copyOf(rules.keySet()))
                    .query((rs, n) -> rules.get(rs.getLong("rule_id")).channelIds().add(rs.getLong("channel_id")))
                    .list();
        }
        return Optional.of(List.copyOf(rules.values()));
    }

    /** Gives the owner exactly these rules, in one transaction. */
    void replace(RuleOwner owner, List<AlertRule> rules, Instant now) {
        transactions.executeWithoutResult(tx -> {
            remove(owner);
            jdbc.sql("INSERT INTO alert_rule_set (owner_type, owner_id, update_time) VALUES (?, ?, ?)")
                    .params(owner.type().name(), owner.id(), SqlTime.toDb(now)).update();
            for (AlertRule rule : rules) {
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO alert_rule (owner_type, owner_id, kind, threshold, throttle_seconds)"
                                + " VALUES (?, ?, ?, ?, ?)")
                        .params(owner.type().name(), owner.id(), rule.kind().name(), rule.threshold(),
                                rule.throttleSeconds())
                        .update(keys, "id");
                long ruleId = keys.getKey().longValue();
                for (long channel : rule.channelIds()) {
                    jdbc.sql("INSERT INTO alert_rule_channel (rule_id, channel_id) VALUES (?, ?)")
                            .params(ruleId, channel).update();
                }
            }
        });
        kept.clear();
    }

    /** Drops the owner's own rules, so that it inherits again. */
    void inherit(RuleOwner owner) {
        transactions.executeWithoutResult(tx -> remove(owner));
        kept.clear();
    }

    /** Whether any owner has a rule of this kind: when none has, there is nothing to look for. */
    boolean anyOfKind(AlertKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM alert_rule WHERE kind = ?").param(kind.name())
                .query(Long.class).single() > 0;
    }

    boolean channelInUse(long channelId) {
        return jdbc.sql("SELECT COUNT(*) FROM alert_rule_channel WHERE channel_id = ?").param(channelId)
                .query(Long.class).single() > 0;
    }

    private void remove(RuleOwner owner) {
        jdbc.sql("DELETE FROM alert_rule_channel WHERE rule_id IN (SELECT id FROM alert_rule WHERE owner_type = ?"
                + " AND owner_id = ?)").params(owner.type().name(), owner.id()).update();
        jdbc.sql("DELETE FROM alert_rule WHERE owner_type = ? AND owner_id = ?")
                .params(owner.type().name(), owner.id()).update();
        jdbc.sql("DELETE FROM alert_rule_set WHERE owner_type = ? AND owner_id = ?")
                .params(owner.type().name(), owner.id()).update();
    }
}
