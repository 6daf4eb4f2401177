package io.distributedjob.execution;

import java.time.Instant;

import io.distributedjob.kernel.TriggerType;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.springframework.stereotype.Component;

/**
 * Starts the span of each fire that begins running: a root span of its own (a fire is not part of the request
 * that created its task), under which every call is a child ({@link FireTrace}). With tracing off the spans are
 * no-ops and no trace id is recorded.
 */
@Component
public class FireTracing {

    private final Tracer tracer;

    public FireTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Tracing that records nothing. */
    public static FireTracing off() {
        return new FireTracing(OpenTelemetry.noop().getTracer(FireTracing.class.getName()));
    }

    FireTrace begin(Fire fire, TriggerType trigger, Instant started) {
        Span span = tracer.spanBuilder("fire")
                .setParent(Context.root())
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(started)
                .setAttribute(FireTrace.TASK_ID, fire.task().id())
                .setAttribute(FireTrace.TASK_TYPE, fire.task().definition().taskType().name())
                .setAttribute(FireTrace.FIRE_ID, fire.fireId())
                .setAttribute(FireTrace.TRIGGER, trigger.name())
                .startSpan();
        return new FireTrace(tracer, span);
    }
}
