package io.distributedjob.execution.grpc;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.distributedjob.config.TargetSettings;
import io.distributedjob.targets.GrpcTarget;
import io.distributedjob.targets.GrpcTarget.HostPort;
import io.distributedjob.targets.TargetPolicy;
import io.grpc.ChannelCredentials;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.TlsChannelCredentials;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * One channel per target (and per plaintext or TLS), created on first use and reused by every call to that
 * target. Channels resolve their servers through the target policy and reconnect by themselves; before a call, a
 * channel that is backing off after failures is told to retry now, so a target that comes back is reached at the
 * next fire rather than after gRPC's reconnect back-off. TLS trusts the JVM's trust store, or only the CA
 * certificates of {@code job.targets.grpcTrustCertificates} when it is set.
 */
@Component
public class GrpcChannels {

    private static final String ROUND_ROBIN = "round_robin";
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private record Key(String target, boolean tls) {
    }

    private final Map<Key, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final TargetPolicy policy;
    private final NameResolverRegistry resolvers = new NameResolverRegistry();
    private final ChannelCredentials tls;

    public GrpcChannels(TargetPolicy policy, TargetSettings settings) {
        this.policy = policy;
        this.resolvers.register(new CheckedNameResolverProvider(policy));
        this.tls = tlsCredentials(settings.grpcTrustCertificates());
    }

    /**
     * Checks the target's servers against the policy now, so that a refused target fails its call at once with
     * the reason rather than waiting for a connection its channel will never make.
     *
     * @throws io.distributedjob.targets.TargetRefusedException when the policy refuses one of them
     */
    void admit(GrpcTarget target) throws UnknownHostException {
        for (HostPort server : target.addresses()) {
            policy.resolve(server.host());
        }
    }

    public ManagedChannel channelFor(GrpcTarget target, boolean useTls) {
        ManagedChannel channel = channels.computeIfAbsent(new Key(target.target(), useTls), key -> open(target, useTls));
        if (channel.getState(true) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        return channel;
    }

    private ManagedChannel open(GrpcTarget target, boolean useTls) {
        ChannelCredentials credentials = useTls ? tls : InsecureChannelCredentials.create();
        return Grpc.newChannelBuilder(CheckedNameResolverProvider.channelTarget(target), credentials, resolvers)
                .defaultLoadBalancingPolicy(ROUND_ROBIN)
                .build();
    }

    private static ChannelCredentials tlsCredentials(String trustCertificates) {
        if (trustCertificates == null || trustCertificates.isBlank()) {
            return TlsChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder().trustManager(new File(trustCertificates)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("job.targets.grpcTrustCertificates: cannot read " + trustCertificates, e);
        }
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
