package io.distributedjob.tracing;

import io.distributedjob.config.TracingSettings;
import io.distributedjob.kernel.InstanceId;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenTelemetry SDK when {@code tracing.endpoint} is set: spans batched and posted over OTLP/HTTP, new traces
 * sampled at {@code tracing.samplingRatio}, W3C {@code traceparent} read from callers and sent to targets. Without
 * an endpoint every span is a no-op and nothing is sent.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    static final String INSTRUMENTATION = "io.distributedjob";
    private static final String SERVICE_NAME = "distributedjob";

    /** Closed with the context (the SDK's inferred close), which sends the spans still buffered. */
    @Bean
    OpenTelemetry openTelemetry(TracingSettings settings, InstanceId instance) {
        if (!settings.enabled()) {
            return OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
        }
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), SERVICE_NAME,
                AttributeKey.stringKey("service.instance.id"), instance.value())));
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .setResource(resource)
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplingRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(
                        OtlpHttpSpanExporter.builder().setEndpoint(settings.tracesUrl()).build()).build())
                .build();
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @Bean
    Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracer(INSTRUMENTATION);
    }
}
