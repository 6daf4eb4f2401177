package io.distributedjob.auth;

import java.net.InetAddress;
import java.util.List;

import io.distributedjob.web.IpRange;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is logging in, as far as the network tells.
 *
 * @param address      the client's address (behind a trusted proxy, the one it names)
 * @param onServerHost the connection comes from a loopback address of the server's own host and passed through
 *                     no proxy: no forwarding header at all, so a proxy on the same host does not count
 */
public record LoginClient(String address, boolean onServerHost) {

    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Real-IP", "Via");

    /** A client connected straight to the server, as over gRPC. */
    static LoginClient direct(String address) {
        return new LoginClient(address, isLoopback(address));
    }

    static LoginClient of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        boolean proxied = PROXY_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null);
        return new LoginClient(address, !proxied && isLoopback(address));
    }

    private static boolean isLoopback(String address) {
        return IpRange.address(address).map(InetAddress::isLoopbackAddress).orElse(false);
    }
}
