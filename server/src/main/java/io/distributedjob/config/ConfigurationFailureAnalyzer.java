package io.distributedjob.config;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration value that fails to bind or validate into one sentence naming the key, so an operator
 * sees at once which line of {@code configs/config.yaml} (or which variable) to fix.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    static final String ACTION = "Fix the value in configs/config.yaml, the environment or the command line.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        BindValidationException validation = findCause(cause, BindValidationException.class);
        String description = validation != null
                ? describeValidation(cause, validation)
                : describeConversion(cause);
        return new FailureAnalysis(description, ACTION, cause);
    }

    private static String describeValidation(BindException cause, BindValidationException validation) {
        return validation.getValidationErrors().getAllErrors().stream()
                .map(error -> describeError(cause.getName().toString(), error))
                .collect(Collectors.joining("; "));
    }

    private static String describeError(String prefix, ObjectError error) {
        if (error instanceof FieldError field) {
            return "Invalid configuration: %s.%s = '%s': %s".formatted(
                    prefix, field.getField(), field.getRejectedValue(), field.getDefaultMessage());
        }
        return "Invalid configuration: %s: %s".formatted(prefix, error.getDefaultMessage());
    }

    private static String describeConversion(BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        String value = property == null ? "" : String.valueOf(property.getValue());
        String expected = describeTarget(cause.getTarget().getType().resolve());
        return "Invalid configuration: %s = '%s': %s".formatted(specKey(cause.getName().toString()), value, expected);
    }

    /** Spring reports canonical dashed names ({@code job.queue-size}); operators write the spec's {@code job.queueSize}. */
    static String specKey(String canonical) {
        StringBuilder key = new StringBuilder(canonical.length());
        boolean upper = false;
        for (char c : canonical.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    private static String describeTarget(Class<?> type) {
        if (type == null) {
            return "cannot be converted";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "must be a whole number";
        }
        return "must be a " + type.getSimpleName();
    }
}
