package io.distributedjob.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Asks the database for {@code SELECT 1}, giving up after a short timeout so a health check never hangs. */
@Component
class DatabaseProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final JdbcTemplate jdbc;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    DatabaseProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean reachable() {
        try {
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(
                    () -> jdbc.queryForObject("SELECT 1", Integer.class), executor);
            return Integer.valueOf(1).equals(answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Database health check failed: {}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
