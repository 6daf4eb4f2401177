package io.distributedjob.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field of a request breaking one rule.
 *
 * @param field   the field as the request names it
 * @param rule    the rule broken; its translatable key is {@code validation.<rule>}
 * @param params  the values the key's text needs, the field among them
 * @param message the English text, {@code <field>: <text>}
 */
public record FieldError(String field, String rule, Map<String, Object> params, String message) {

    public FieldError {
        params = Map.copyOf(params);
    }

    /** The error of {@code field} breaking {@code rule}, {@code text} saying how (without the field's name). */
    public static FieldError of(String field, String rule, Map<String, Object> params, String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("field", field);
        values.putAll(params);
        return new FieldError(field, rule, values, field + ": " + text);
    }

    public MessageKey key() {
        return new MessageKey("validation." + rule, params);
    }
}
