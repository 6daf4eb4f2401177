package io.distributedjob.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.distributedjob.kernel.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends an alert for a rule if this instance wins the claim of the rule's current throttle window for the task,
 * then notes what each channel answered. A channel that fails does not keep the others from being tried.
 */
@Component
class AlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertEventRepository events;
    private final AlertChannelRepository channels;
    private final ChannelDelivery delivery;
    private final String instanceId;

    AlertDispatcher(AlertEventRepository events, AlertChannelRepository channels, ChannelDelivery delivery,
                    InstanceId instanceId) {
        this.events = events;
        this.channels = channels;
        this.delivery = delivery;
        this.instanceId = instanceId.value();
    }

    /**
     * Claims and sends. {@code windowOf} is the instant whose throttle window is claimed: the alert's time, or for
     * a missed fire its scheduled instant (so that every instance looking at the same missed fire claims alike).
     *
     * @return whether this call sent the alert (false: throttled, or sent by another instance)
     */
    boolean dispatch(AlertRule rule, Alert alert, Instant windowOf) throws InterruptedException {
        long throttle = rule.throttleSeconds();
        Instant windowStart = Instant.ofEpochSecond(Math.floorDiv(windowOf.getEpochSecond(), throttle) * throttle);
        Long event = events.claim(rule.id(), alert, windowStart, instanceId);
        if (event == null) {
            return false;
        }
        AlertMessage message = alert.message();
        List<String> failures = new ArrayList<>();
        for (AlertChannel channel : channels.findAll(rule.channelIds())) {
            if (!channel.enabled()) {
                continue;
            }
            try {
                delivery.deliver(channel, message);
            } catch (DeliveryException e) {
                log.warn("Alert '{}' not delivered to channel {} ({}): {}", alert.title(), channel.id(),
                        channel.type(), e.getMessage());
                failures.add("channel " + channel.id() + ": " + e.getMessage());
            }
        }
        events.finish(event, failures.isEmpty() ? null : String.join("; ", failures));
        return true;
    }
}
