package io.distributedjob.tracing;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * A server span per gRPC call ({@code scheduler.TaskScheduler/ScheduleTask}) continuing a caller's
 * {@code traceparent} metadata, current while the service handles the call, ended with the call's status.
 */
@Component
@GlobalServerInterceptor
@Order(Ordered.HIGHEST_PRECEDENCE)
class RpcTracingInterceptor implements ServerInterceptor {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> SERVICE = AttributeKey.stringKey("rpc.service");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("rpc.grpc.status_code");

    private static final TextMapGetter<Metadata> METADATA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Metadata metadata) {
            return metadata.keys();
        }

        @Override
        public String get(Metadata metadata, String name) {
            return metadata == null ? null : metadata.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    RpcTracingInterceptor(OpenTelemetry openTelemetry, Tracer tracer) {
        this.openTelemetry = openTelemetry;
        this.tracer = tracer;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        Context caller = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), headers, METADATA);
        String fullName = call.getMethodDescriptor().getFullMethodName();
        Span span = tracer.spanBuilder(fullName).setParent(caller).setSpanKind(SpanKind.SERVER)
                .setAttribute(SYSTEM, "grpc")
                .setAttribute(SERVICE, call.getMethodDescriptor().getServiceName())
                .setAttribute(METHOD, call.getMethodDescriptor().getBareMethodName())
                .startSpan();
        Context traced = caller.with(span);
        ServerCall<Q, R> ending = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                span.setAttribute(STATUS, (long) status.getCode().value());
                if (!status.isOk()) {
                    span.setStatus(StatusCode.ERROR, status.getCode().name());
                }
                span.end();
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try (Scope ignored = traced.makeCurrent()) {
            listener = next.startCall(ending, headers);
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try (Scope ignored = traced.makeCurrent()) {
                    super.onMessage(message);
                }
            }

            @Override
            public void onHalfClose() {
                try (Scope ignored = traced.makeCurrent()) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                try (Scope ignored = traced.makeCurrent()) {
                    super.onCancel();
                } finally {
                    span.setStatus(StatusCode.ERROR, Status.Code.CANCELLED.name());
                    span.end();
                }
            }

            @Override
            public void onComplete() {
                try (Scope ignored = traced.makeCurrent()) {
                    super.onComplete();
                }
            }
        };
    }
}
