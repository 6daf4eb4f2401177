package io.distributedjob.execution.grpc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;

import io.distributedjob.targets.GrpcTarget;
import io.distributedjob.targets.GrpcTarget.HostPort;
import io.distributedjob.targets.TargetPolicy;
import io.distributedjob.targets.TargetRefusedException;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;

/**
 * Resolves the servers of a gRPC target through the target policy, so that a channel only ever connects to
 * addresses the policy admitted. One resolver serves the three forms of a target: a single {@code host:port} and
 * {@code dns:///host:port} re-resolve their name whenever gRPC asks (after a connection fails), and a static list
 * gives each of its servers to the channel's round-robin balancer.
 */
final class CheckedNameResolverProvider extends NameResolverProvider {

    static final String SCHEME = "dj-checked";

    private final TargetPolicy policy;

    CheckedNameResolverProvider(TargetPolicy policy) {
        this.policy = policy;
    }

    /** The channel target that has this provider resolve {@code target}'s servers. */
    static String channelTarget(GrpcTarget target) {
        List<String> servers = target.addresses().stream().map(HostPort::toString).toList();
        return SCHEME + ":///" + URLEncoder.encode(String.join(",", servers), StandardCharsets.UTF_8);
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        List<HostPort> servers = GrpcTarget.servers(targetUri.getPath().substring(1));
        Executor offload = args.getOffloadExecutor() != null ? args.getOffloadExecutor() : Thread.ofVirtual()::start;
        return new Resolver(servers, policy, args.getSynchronizationContext(), offload);
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    private static final class Resolver extends NameResolver {

        private final List<HostPort> servers;
        private final TargetPolicy policy;
        private final SynchronizationContext context;
        private final Executor offload;
        private Listener2 listener;
        private volatile boolean shutdown;

        Resolver(List<HostPort> servers, TargetPolicy policy, SynchronizationContext context, Executor offload) {
            this.servers = servers;
            this.policy = policy;
            this.context = context;
            this.offload = offload;
        }

        @Override
        public String getServiceAuthority() {
            return servers.getFirst().toString();
        }

        @Override
        public void start(Listener2 listener) {
            this.listener = listener;
            resolve();
        }

        @Override
        public void refresh() {
            resolve();
        }

        /** Name lookups block, so they run off the channel's synchronization context; the answer goes back to it. */
        private void resolve() {
            offload.execute(() -> {
                StatusOr<List<EquivalentAddressGroup>> result = lookUp();
                context.execute(() -> {
                    if (!shutdown) {
                        listener.onResult(ResolutionResult.newBuilder().setAddressesOrError(result).build());
                    }
                });
            });
        }

        private StatusOr<List<EquivalentAddressGroup>> lookUp() {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            try {
                for (HostPort server : servers) {
                    List<SocketAddress> addresses = new ArrayList<>();
                    for (InetAddress address : policy.resolve(server.host())) {
                        addresses.add(new InetSocketAddress(address, server.port()));
                    }
                    groups.add(new EquivalentAddressGroup(addresses));
                }
                return StatusOr.fromValue(groups);
            } catch (TargetRefusedException e) {
                return StatusOr.fromStatus(Status.PERMISSION_DENIED.withDescription(e.getMessage()));
            } catch (UnknownHostException e) {
                return StatusOr.fromStatus(Status.UNAVAILABLE.withDescription("unknown host " + e.getMessage()));
            }
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }
    }
}
