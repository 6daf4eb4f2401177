package io.distributedjob.config;

import java.util.List;

import io.distributedjob.web.IpRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The spec's {@code server} section: the REST API and web console listener.
 *
 * @param port          HTTP port; 0 picks a free port
 * @param contextPath   base path of the REST API and console
 * @param timeout       seconds an HTTP request may take before the server gives up on it
 * @param maxBodyBytes  largest request body accepted; larger bodies are refused with 413
 * @param trustedProxies addresses and CIDR blocks of reverse proxies whose {@code Forwarded} /
 *                       {@code X-Forwarded-For} headers name the client; empty: those headers are ignored
 * @param cors          cross-origin access to the API
 */
@Validated
@ConfigurationProperties("server")
public record ServerSettings(
        @DefaultValue("9088") @Min(0) @Max(65535) int port,
        @DefaultValue("/v1") @Pattern(regexp = "/[A-Za-z0-9_\\-/]*", message = "must start with / and contain only letters, digits, -, _ and /") String contextPath,
        @DefaultValue("10") @Min(1) @Max(3600) int timeout,
        @DefaultValue("1048576") @Min(1024) @Max(104857600) long maxBodyBytes,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue @Valid Cors cors) {

    @AssertTrue(message = "trustedProxies must be IP addresses or CIDR blocks, such as 10.0.0.0/8 or fd00::/8")
    public boolean isTrustedProxiesValid() {
        return trustedProxies.stream().allMatch(range -> IpRange.parse(range).isPresent());
    }

    /**
     * @param allowedOrigins origins ({@code https://console.example.com}) whose pages may call the API with
     *                       credentials; empty: no cross-origin access
     */
    public record Cors(@DefaultValue List<@Pattern(regexp = "https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?", message = "must be an origin such as https://console.example.com") String> allowedOrigins) {
    }
}
