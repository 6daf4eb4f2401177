package io.distributedjob.execution.grpc;

import java.util.regex.Pattern;

/**
 * Where a gRPC task sends its call: {@code <target>/<package.Service>}, the target being {@code host:port},
 * {@code dns:///host:port}, or a comma-separated static list {@code host1:port1,host2:port2} called round-robin.
 *
 * @param target  the channel target as the task wrote it
 * @param service fully qualified service name, such as {@code helloworld.Greeter}
 */
public record GrpcEndpoint(String target, String service) {

    private static final Pattern SERVICE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");
    private static final String DNS_SCHEME = "dns:///";

    /** Parses {@code <target>/<package.Service>}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static GrpcEndpoint parse(String grpcService) {
        if (grpcService == null || grpcService.isBlank()) {
            throw new IllegalArgumentException("must be <target>/<package.Service>");
        }
        int slash = grpcService.lastIndexOf('/');
        if (slash <= 0 || slash == grpcService.length() - 1) {
            throw new IllegalArgumentException("must be <target>/<package.Service>, e.g. localhost:50051/helloworld.Greeter");
        }
        String target = grpcService.substring(0, slash).trim();
        String service = grpcService.substring(slash + 1).trim();
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("service '" + service + "' is not a fully qualified gRPC service name");
        }
        if (!validTarget(target)) {
            throw new IllegalArgumentException("target '" + target + "' must be host:port, dns:///host:port or host:port,host:port");
        }
        return new GrpcEndpoint(target, service);
    }

    /** The addresses of a static list target, or an empty array for a single or DNS target. */
    String[] staticAddresses() {
        return target.contains(",") ? target.split("\\s*,\\s*") : new String[0];
    }

    private static boolean validTarget(String target) {
        String addresses = target.startsWith(DNS_SCHEME) ? target.substring(DNS_SCHEME.length()) : target;
        if (target.startsWith(DNS_SCHEME) && addresses.contains(",")) {
            return false;
        }
        for (String address : addresses.split("\\s*,\\s*")) {
            if (!HOST_PORT.matcher(address).matches()) {
                return false;
            }
        }
        return true;
    }
}
