package io.distributedjob.support;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Disables a {@link Needs} test whose services are missing, or fails it when the build requires them. */
final class NeedsCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Needs> needs = context.getElement().flatMap(element -> AnnotationSupport.findAnnotation(element, Needs.class));
        Optional<TestService> missing = needs.stream().flatMap(n -> Arrays.stream(n.value()))
                .filter(service -> !service.available()).findFirst();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("every service it needs is available");
        }
        if (missing.get().required()) {
            throw new IllegalStateException(missing.get().failureReason());
        }
        return ConditionEvaluationResult.disabled(missing.get().skipReason());
    }
}
