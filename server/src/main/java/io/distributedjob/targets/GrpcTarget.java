package io.distributedjob.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a gRPC task sends its call, as it writes it in {@code grpcService}: {@code <target>/<package.Service>},
 * the target being {@code host:port}, {@code dns:///host:port} or a comma-separated static list
 * {@code host1:port1,host2:port2} called round-robin; a host is a name, an IPv4 address or an IPv6 address in
 * brackets ({@code [::1]:50051}). Task validation and the gRPC caller both read it here.
 *
 * @param target    the target as the task wrote it (one channel is kept per target)
 * @param addresses the host and port of each server; one unless the target is a static list
 * @param service   fully qualified service name, such as {@code helloworld.Greeter}
 */
public record GrpcTarget(String target, List<HostPort> addresses, String service) {

    public static final String FORMS = "<target>/<package.Service>, the target being host:port, dns:///host:port "
            + "or host1:port1,host2:port2 ([::1]:port for IPv6), e.g. localhost:50051/helloworld.Greeter";

    private static final Pattern SERVICE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):(\\d{1,5})");
    private static final String DNS_SCHEME = "dns:///";

    /** A server's host (without brackets) and port. */
    public record HostPort(String host, int port) {

        /** {@code host:port}, with an IPv6 host in brackets. */
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public GrpcTarget {
        addresses = List.copyOf(addresses);
    }

    /** Parses {@code <target>/<package.Service>}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static GrpcTarget parse(String grpcService) {
        String text = grpcService == null ? "" : grpcService.strip();
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("must be " + FORMS);
        }
        String target = text.substring(0, slash).strip();
        String service = text.substring(slash + 1).strip();
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("service '" + service + "' is not a fully qualified gRPC service name");
        }
        boolean dns = target.startsWith(DNS_SCHEME);
        String list = dns ? target.substring(DNS_SCHEME.length()) : target;
        if (dns && list.contains(",")) {
            throw new IllegalArgumentException("target '" + target + "': dns:/// names one host:port");
        }
        return new GrpcTarget(target, servers(list, target), service);
    }

    /** The same servers, for another of their services. */
    public GrpcTarget withService(String otherService) {
        return new GrpcTarget(target, addresses, otherService);
    }

    /** The servers of a comma-separated list of {@code host:port}. */
    public static List<HostPort> servers(String list) {
        return servers(list, list);
    }

    private static List<HostPort> servers(String list, String target) {
        List<HostPort> addresses = new ArrayList<>();
        for (String address : list.split(",", -1)) {
            addresses.add(hostPort(address.strip(), target));
        }
        return addresses;
    }

    private static HostPort hostPort(String address, String target) {
        Matcher matcher = ADDRESS.matcher(address);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("target '" + target + "': '" + address + "' is not host:port"
                    + " (an IPv6 host in brackets, as [::1]:50051)");
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("target '" + target + "': port " + port + " is not between 1 and 65535");
        }
        String host = matcher.group(1);
        if (host.startsWith("[") && !host.contains(":")) {
            throw new IllegalArgumentException("target '" + target + "': brackets hold an IPv6 address");
        }
        return new HostPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
    }
}
