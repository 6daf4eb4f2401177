package io.distributedjob.execution.grpc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.NameResolverRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * One channel per target, created on first use and reused by every call to that target. Channels reconnect by
 * themselves; before a call, a channel that is backing off after failures is told to retry now, so a target that
 * comes back is reached at the next fire rather than after gRPC's reconnect back-off.
 */
@Component
public class GrpcChannels {

    private static final String ROUND_ROBIN = "round_robin";
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    public GrpcChannels() {
        NameResolverRegistry.getDefaultRegistry().register(new StaticListNameResolverProvider());
    }

    public ManagedChannel channelFor(GrpcEndpoint endpoint) {
        ManagedChannel channel = channels.computeIfAbsent(endpoint.target(), target -> open(endpoint));
        if (channel.getState(true) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        return channel;
    }

    private static ManagedChannel open(GrpcEndpoint endpoint) {
        String[] addresses = endpoint.staticAddresses();
        String target = addresses.length > 0
                ? StaticListNameResolverProvider.SCHEME + ":///" + String.join(",", addresses)
                : endpoint.target();
        return ManagedChannelBuilder.forTarget(target)
                .usePlaintext()
                .defaultLoadBalancingPolicy(ROUND_ROBIN)
                .build();
    }

    @PreDestroy
    void close() throws InterruptedException {
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels.values()) {
            if (!channel.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        }
        channels.clear();
    }
}
