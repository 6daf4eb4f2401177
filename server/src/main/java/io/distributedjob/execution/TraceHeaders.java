package io.distributedjob.execution;

import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/** The W3C trace context of the current call, as headers (HTTP) or metadata (gRPC) sent to a target. */
public final class TraceHeaders {

    private TraceHeaders() {
    }

    /** Adds {@code traceparent} (and {@code tracestate}) of the call's span, replacing any the task set itself. */
    public static void addTo(Map<String, String> headers) {
        if (!Span.current().getSpanContext().isValid()) {
            return;
        }
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("traceparent") || name.equalsIgnoreCase("tracestate"));
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
    }
}
