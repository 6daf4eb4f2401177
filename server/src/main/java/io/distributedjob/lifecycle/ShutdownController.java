package io.distributedjob.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.distributedjob.auth.PublicEndpoint;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /shutdown?wait=N}: only for an operator on the server's host (through a local host name, from a
 * loopback address, neither from a browser, nor through a proxy, nor from a task; see {@link OperatorRequest}), so
 * that nothing on the network, no web page and no task can stop an instance.
 */
@RestController
class ShutdownController {

    static final String PATH = "/shutdown";

    private final ShutdownService shutdown;

    ShutdownController(ShutdownService shutdown) {
        this.shutdown = shutdown;
    }

    @PublicEndpoint
    @GetMapping(PATH)
    ApiResponse<Map<String, Object>> shutdown(@RequestParam(required = false) String wait, HttpServletRequest request) {
        refusal(request).ifPresent(reason -> {
            throw ApiException.forbidden(reason);
        });
        int seconds = parseWait(wait);
        boolean started = shutdown.initiate(Duration.ofSeconds(seconds));
        return ApiResponse.ok(Map.of("status", started ? "shutting down" : "already shutting down", "wait", seconds));
    }

    /** Tomcat's verdict on the request as it arrived; the request as the application sees it otherwise. */
    private static Optional<String> refusal(HttpServletRequest request) {
        Object received = request.getAttribute(ReceivedRequestValve.REFUSAL_ATTRIBUTE);
        if (received instanceof String reason && !reason.isEmpty()) {
            return Optional.of(reason);
        }
        return OperatorRequest.refusal(request);
    }

    private static int parseWait(String wait) {
        if (wait == null || !wait.matches("\\d{1,6}") || Integer.parseInt(wait) <= 0) {
            throw ApiException.invalid("wait: must be a whole number of seconds greater than 0");
        }
        return Integer.parseInt(wait);
    }
}
