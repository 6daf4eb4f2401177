package io.distributedjob.execution;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.record.ExecutionAttempt;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The trace of one running fire and the log of its calls: each call runs in a child span of the fire's, made
 * current so that the call carries it to the target as {@code traceparent}; retries and the fallback are events
 * of the fire's span. Its calls come one after the other, from whichever worker runs the fire.
 */
final class FireTrace {

    static final AttributeKey<Long> TASK_ID = AttributeKey.longKey("dj.task.id");
    static final AttributeKey<String> TASK_TYPE = AttributeKey.stringKey("dj.task.type");
    static final AttributeKey<String> FIRE_ID = AttributeKey.stringKey("dj.fire.id");
    static final AttributeKey<String> TRIGGER = AttributeKey.stringKey("dj.trigger");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("dj.attempt");
    static final AttributeKey<String> TARGET = AttributeKey.stringKey("dj.target");
    static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("dj.status_code");
    static final AttributeKey<Long> WAIT_SECONDS = AttributeKey.longKey("dj.wait_seconds");
    static final AttributeKey<Long> RETRIES = AttributeKey.longKey("dj.retries");
    static final AttributeKey<Boolean> FALLBACK = AttributeKey.booleanKey("dj.fallback");

    private final Tracer tracer;
    private final Span span;
    private final AtomicInteger calls = new AtomicInteger();
    private final Deque<ExecutionAttempt> attempts = new ArrayDeque<>();

    FireTrace(Tracer tracer, Span span) {
        this.tracer = tracer;
        this.span = span;
    }

    /** Makes the call to {@code target} in its own span and logs it. */
    Attempt call(TaskExecutor executor, Fire fire, Target target) throws InterruptedException {
        int number = calls.incrementAndGet();
        String address = executor.address(fire.task(), target);
        Span call = tracer.spanBuilder("attempt " + target.name().toLowerCase())
                .setParent(Context.root().with(span))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(ATTEMPT, (long) number)
                .setAttribute(TARGET, address)
                .startSpan();
        long started = System.nanoTime();
        Attempt attempt = null;
        try (Scope ignored = call.makeCurrent()) {
            attempt = executor.call(fire, target);
            return attempt;
        } finally {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            String error = attempt == null ? "interrupted before the call finished" : attempt.error();
            Integer statusCode = attempt == null ? null : attempt.statusCode();
            if (statusCode != null) {
                call.setAttribute(STATUS_CODE, statusCode.longValue());
            }
            if (attempt == null || !attempt.success()) {
                call.setStatus(StatusCode.ERROR, error == null ? "" : error);
            }
            call.end();
            log(new ExecutionAttempt(number, target == Target.FALLBACK, address, statusCode, millis,
                    attempt != null && attempt.success() ? null : error));
        }
    }

    /** Notes what the delivery policy decided after a call: a retry after {@code wait}, or the fallback next. */
    void decided(Duration wait, Target next) {
        if (wait == null) {
            return;
        }
        if (next == Target.FALLBACK) {
            span.addEvent("fallback");
        } else {
            span.addEvent("retry", Attributes.of(WAIT_SECONDS, wait.toSeconds()));
        }
    }

    void end(ExecutionOutcome outcome) {
        span.setAttribute(RETRIES, (long) outcome.retryTimes());
        span.setAttribute(FALLBACK, outcome.usedFallback());
        if (!outcome.success()) {
            span.setStatus(StatusCode.ERROR, outcome.error() == null ? "" : outcome.error());
        }
        span.end();
    }

    FireTrail trail() {
        String traceId = span.getSpanContext().isSampled() ? span.getSpanContext().getTraceId() : null;
        synchronized (attempts) {
            return new FireTrail(traceId, List.copyOf(attempts));
        }
    }

    private void log(ExecutionAttempt attempt) {
        synchronized (attempts) {
            if (attempts.size() == ExecutionAttempt.KEPT) {
                attempts.removeFirst();
            }
            attempts.addLast(attempt);
        }
    }
}
