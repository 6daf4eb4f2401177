package io.distributedjob.lifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.distributedjob.auth.PublicEndpoint;
import io.distributedjob.web.ApiException;
import io.distributedjob.web.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /shutdown?wait=N}: only through a local host name from a loopback address, so that nothing on the
 * network can stop an instance.
 */
@RestController
class ShutdownController {

    private static final Set<String> LOCAL_HOST_NAMES = Set.of("localhost", "127.0.0.1", "0.0.0.0");

    private final ShutdownService shutdown;

    ShutdownController(ShutdownService shutdown) {
        this.shutdown = shutdown;
    }

    @PublicEndpoint
    @GetMapping("/shutdown")
    ApiResponse<Map<String, Object>> shutdown(@RequestParam(required = false) String wait, HttpServletRequest request) {
        if (!LOCAL_HOST_NAMES.contains(request.getServerName()) || !isLoopback(request.getRemoteAddr())) {
            throw ApiException.forbidden("shutdown is only accepted on localhost, 127.0.0.1 or 0.0.0.0 from this machine");
        }
        int seconds = parseWait(wait);
        boolean started = shutdown.initiate(Duration.ofSeconds(seconds));
        return ApiResponse.ok(Map.of("status", started ? "shutting down" : "already shutting down", "wait", seconds));
    }

    private static int parseWait(String wait) {
        if (wait == null || !wait.matches("\\d{1,6}") || Integer.parseInt(wait) <= 0) {
            throw ApiException.invalid("wait: must be a whole number of seconds greater than 0");
        }
        return Integer.parseInt(wait);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
