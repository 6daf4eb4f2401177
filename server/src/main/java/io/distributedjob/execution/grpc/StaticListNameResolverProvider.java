package io.distributedjob.execution.grpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;

/**
 * Resolves {@code static:///host1:port1,host2:port2} to those addresses, so that a channel balances a task's
 * calls round-robin across a fixed list of servers.
 */
final class StaticListNameResolverProvider extends NameResolverProvider {

    static final String SCHEME = "static";

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        String list = targetUri.getPath().startsWith("/") ? targetUri.getPath().substring(1) : targetUri.getPath();
        return new StaticResolver(targetUri.getAuthority() == null ? list : targetUri.getAuthority(), list);
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

    private static final class StaticResolver extends NameResolver {

        private final String authority;
        private final String list;

        StaticResolver(String authority, String list) {
            this.authority = authority;
            this.list = list;
        }

        @Override
        public String getServiceAuthority() {
            return authority.isEmpty() ? "static" : authority.split(",")[0];
        }

        @Override
        public void start(Listener2 listener) {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            for (String address : list.split(",")) {
                int colon = address.lastIndexOf(':');
                if (colon <= 0) {
                    listener.onError(Status.INVALID_ARGUMENT.withDescription("bad address " + address));
                    return;
                }
                groups.add(new EquivalentAddressGroup(new InetSocketAddress(
                        address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)))));
            }
            listener.onResult(ResolutionResult.newBuilder().setAddressesOrError(io.grpc.StatusOr.fromValue(groups)).build());
        }

        @Override
        public void shutdown() {
            // nothing to release: the list is fixed
        }
    }
}
