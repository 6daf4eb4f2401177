package io.distributedjob.engine;

import java.time.Instant;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this instance's heartbeat and watermark. A renewal reopens the fence (fires parked meanwhile go back
 * to the database); finding its row gone means another instance took it for dead and took its rows over: its
 * claims are void, and it registers again.
 */
final class HeartbeatDuty implements RoundDuty {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatDuty.class);
    /** The server's version from its jar's manifest; null when run from classes (development, tests). */
    private static final String VERSION = HeartbeatDuty.class.getPackage().getImplementationVersion();

    private final EngineInstances instances;
    private final String self;
    private final String host;
    private final HeldFires held;
    private final Fence fence;
    private final IntSupplier running;

    HeartbeatDuty(EngineInstances instances, String self, String host, HeldFires held, Fence fence,
                  IntSupplier running) {
        this.running = running;
        this.instances = instances;
        this.self = self;
        this.host = host;
        this.held = held;
        this.fence = fence;
    }

    @Override
    public String name() {
        return "heartbeat";
    }

    @Override
    public void run(Instant now) {
        if (!instances.heartbeat(self, held.outstanding().watermark(), now)) {
            log.warn("Engine instance {} had been taken for dead by another instance: registering again", self);
            held.voidClaims();
            instances.register(self, host, held.outstanding().watermark(), now);
        }
        fence.renewed(now);
        if (fence.clusterFenceLifted()) {
            held.handBackAll();
            fence.clusterFenceSettled();
        }
        if (!fence.closed(now)) {
            held.handBackParked();
        }
        instances.report(self, VERSION, running.getAsInt());
    }
}
