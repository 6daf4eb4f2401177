package io.distributedjob.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Service;

/**
 * Graceful shutdown: every {@link Drainable} stops taking work, running work gets until the deadline to finish,
 * then the application context closes and the process exits.
 */
@Service
public class ShutdownService {

    private static final Logger log = LoggerFactory.getLogger(ShutdownService.class);

    private final List<Drainable> drainables;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();

    ShutdownService(List<Drainable> drainables, ConfigurableApplicationContext context, Clock clock) {
        this.drainables = drainables;
        this.context = context;
        this.clock = clock;
    }

    /** Starts the shutdown in the background; returns false if one is already under way. */
    public boolean initiate(Duration wait) {
        if (!started.compareAndSet(false, true)) {
            return false;
        }
        Thread.ofPlatform().name("graceful-shutdown").start(() -> run(wait));
        return true;
    }

    private void run(Duration wait) {
        Instant deadline = clock.instant().plus(wait);
        log.info("Shutdown requested: draining for up to {} s", wait.toSeconds());
        drainables.forEach(Drainable::stopAccepting);
        try {
            for (Drainable drainable : drainables) {
                if (!drainable.awaitIdle(deadline)) {
                    log.warn("{} still had running work at the shutdown deadline", drainable.getClass().getSimpleName());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Drained: closing the application");
        int exitCode = SpringApplication.exit(context, () -> 0);
        System.exit(exitCode);
    }
}
