package io.distributedjob.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads and checks a rule set body: {@code {inherit, rules: [{kind, threshold, throttleSeconds, channelIds}]}}. */
@Component
class AlertRuleValidator {

    static final int RULES_MAX = 20;
    static final int CHANNELS_MAX = 10;
    static final int THROTTLE_DEFAULT = 300;
    static final int THROTTLE_MAX = 86400;
    static final int IN_A_ROW_DEFAULT = 3;
    static final int IN_A_ROW_MAX = 1000;
    static final int GRACE_DEFAULT = 60;
    static final int GRACE_MAX = 86400;

    /** The rules asked for, or null when the body asks to inherit. */
    List<AlertRule> read(JsonNode body) {
        RequestFields f = new RequestFields(body);
        if (f.bool("inherit", false)) {
            if (f.node("rules") != null && !f.node("rules").isEmpty()) {
                throw ApiException.invalid("rules: must be empty when inherit is true");
            }
            return null;
        }
        JsonNode list = f.array("rules", true);
        if (list.size() > RULES_MAX) {
            throw ApiException.invalid("rules: must hold at most " + RULES_MAX + " rules");
        }
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(new RequestFields(list.get(i), "rules[" + i + "].")));
        }
        return rules;
    }

    private static AlertRule rule(RequestFields f) {
        AlertKind kind = f.enumeration("kind", AlertKind.class);
        int threshold = switch (kind) {
            case CONSECUTIVE_FAILURES -> f.integer("threshold", IN_A_ROW_DEFAULT, 2, IN_A_ROW_MAX);
            case MISSED_FIRE -> f.integer("threshold", GRACE_DEFAULT, MissedFireDetector.MIN_GRACE_SECONDS, GRACE_MAX);
            default -> 0;
        };
        int throttle = f.integer("throttleSeconds", THROTTLE_DEFAULT, 1, THROTTLE_MAX);
        JsonNode ids = f.array("channelIds", true);
        if (ids.isEmpty() || ids.size() > CHANNELS_MAX) {
            throw ApiException.invalid(f.name("channelIds") + ": must hold 1 to " + CHANNELS_MAX + " channel ids");
        }
        Set<Long> channels = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            channels.add(RequestFields.positive(ids.get(i), f.name("channelIds") + "[" + i + "]"));
        }
        return new AlertRule(0, kind, threshold, throttle, List.copyOf(channels));
    }
}
