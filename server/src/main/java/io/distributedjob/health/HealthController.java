package io.distributedjob.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.distributedjob.auth.PublicEndpoint;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: public; up while the database answers, 503 and "down" when it does not. {@code stuckWorkers}
 * counts workers whose call ignored its fire's deadline: worth a look, but the instance still schedules and runs.
 */
@RestController
class HealthController {

    private final DatabaseProbe database;
    private final FireExecutor executor;
    private final Clock clock;

    HealthController(DatabaseProbe database, FireExecutor executor, Clock clock) {
        this.database = database;
        this.executor = executor;
        this.clock = clock;
    }

    @PublicEndpoint
    @GetMapping("/health")
    ResponseEntity<ApiResponse<Map<String, Object>>> health() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        boolean up = database.reachable();
        Map<String, Object> data = Map.of(
                "status", up ? "up" : "down",
                "timestamp", now.toString(),
                "database", up ? "up" : "down",
                "stuckWorkers", executor.stuckWorkers());
        if (up) {
            return ResponseEntity.ok(ApiResponse.ok(data));
        }
        return ResponseEntity.status(ErrorCode.UNAVAILABLE.status())
                .body(new ApiResponse<>(ErrorCode.UNAVAILABLE.code(), "database unreachable", data));
    }
}
