package io.distributedjob.config;

import java.net.URI;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code tracing} section: OpenTelemetry traces of API requests and fires, exported over OTLP/HTTP.
 *
 * @param endpoint       empty: no traces; else the OTLP/HTTP receiver (for example {@code http://jaeger:4318});
 *                       {@code /v1/traces} is appended when the URL has no path
 * @param samplingRatio  share of new traces kept (0 to 1); a request arriving with a sampled
 *                       {@code traceparent} is always traced
 * @param uiUrlTemplate  empty, or a link to a trace in Jaeger or Tempo with {@code {traceId}} in it, shown by the
 *                       console next to an execution's trace id
 */
@Validated
@ConfigurationProperties("tracing")
public record TracingSettings(
        @DefaultValue("") String endpoint,
        @DefaultValue("1.0") @DecimalMin("0.0") @DecimalMax("1.0") double samplingRatio,
        @DefaultValue("") String uiUrlTemplate) {

    static final String TRACE_ID_PLACEHOLDER = "{traceId}";
    private static final String TRACES_PATH = "/v1/traces";

    public boolean enabled() {
        return !endpoint.isBlank();
    }

    /** The URL spans are posted to. */
    public String tracesUrl() {
        URI uri = URI.create(endpoint.strip());
        String path = uri.getPath();
        return path == null || path.isEmpty() || path.equals("/")
                ? endpoint.strip().replaceAll("/$", "") + TRACES_PATH : endpoint.strip();
    }

    /** The link to {@code traceId} in the trace UI, or null without a template or a trace. */
    public String traceUrl(String traceId) {
        return uiUrlTemplate.isEmpty() || traceId == null ? null : uiUrlTemplate.replace(TRACE_ID_PLACEHOLDER, traceId);
    }

    @AssertTrue(message = "tracing.endpoint must be empty or an http(s) URL such as http://jaeger:4318")
    public boolean isEndpointUsable() {
        return !enabled() || isHttpUrl(endpoint.strip());
    }

    @AssertTrue(message = "tracing.uiUrlTemplate must be empty or an http(s) URL containing {traceId}")
    public boolean isUiUrlTemplateUsable() {
        return uiUrlTemplate.isEmpty() || (uiUrlTemplate.contains(TRACE_ID_PLACEHOLDER)
                && isHttpUrl(uiUrlTemplate.replace(TRACE_ID_PLACEHOLDER, "0")));
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
