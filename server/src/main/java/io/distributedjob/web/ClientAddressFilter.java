package io.distributedjob.web;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.distributedjob.config.ServerSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is. Only when the connection comes from a trusted proxy ({@code server.trustedProxies}) does a
 * {@code Forwarded} or {@code X-Forwarded-For} header name the client: the nearest address in it that is not a
 * trusted proxy itself, and {@code https} when the proxy says it took the request over TLS. Otherwise those
 * headers are ignored and the client is the connection's peer, so nobody can claim another address. Every later
 * reader of {@link HttpServletRequest#getRemoteAddr()} (throttling, the audit trail, the access log) sees the
 * client.
 */
@Component
@Order(ClientAddressFilter.ORDER)
class ClientAddressFilter extends OncePerRequestFilter {

    /** First of all, so every other filter sees the client. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final String FORWARDED = "Forwarded";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String HTTPS = "https";

    private final List<IpRange> trustedProxies;

    ClientAddressFilter(ServerSettings settings) {
        this.trustedProxies = settings.trustedProxies().stream()
                .map(range -> IpRange.parse(range).orElseThrow())
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trustedProxies.isEmpty() || !trusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        List<String> hops = request.getHeader(FORWARDED) != null ? forwardedFor(request) : forwardedForHeader(request);
        String client = request.getRemoteAddr();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.address(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get().getHostAddress();
            if (!trusted(client)) {
                break;
            }
        }
        chain.doFilter(new ForwardedRequest(request, client, HTTPS.equals(forwardedProto(request))), response);
    }

    private boolean trusted(String address) {
        return IpRange.address(address).map(peer -> trustedProxies.stream().anyMatch(range -> range.contains(peer)))
                .orElse(false);
    }

    /** The {@code for=} values of {@code Forwarded}, nearest hop last; ports are dropped. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String element : String.join(",", Collections.list(request.getHeaders(FORWARDED))).split(",")) {
            for (String pair : element.split(";")) {
                String[] parts = pair.strip().split("=", 2);
                if (parts.length == 2 && parts[0].strip().equalsIgnoreCase("for")) {
                    hops.add(withoutPort(parts[1].strip().replace("\"", "")));
                }
            }
        }
        return hops;
    }

    private static List<String> forwardedForHeader(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    private static String forwardedProto(HttpServletRequest request) {
        String forwarded = request.getHeader(FORWARDED);
        if (forwarded != null) {
            String last = "";
            for (String pair : forwarded.split("[;,]")) {
                String[] parts = pair.strip().split("=", 2);
                if (parts.length == 2 && parts[0].strip().equalsIgnoreCase("proto")) {
                    last = parts[1].strip().replace("\"", "");
                }
            }
            return last.toLowerCase(Locale.ROOT);
        }
        String proto = request.getHeader(FORWARDED_PROTO);
        if (proto == null) {
            return "";
        }
        String[] hops = proto.split(",");
        return hops[hops.length - 1].strip().toLowerCase(Locale.ROOT);
    }

    /** {@code [2001:db8::1]:4711} and {@code 192.0.2.1:4711} without the port. */
    private static String withoutPort(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end < 0 ? node : node.substring(0, end + 1);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }

    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String client;
        private final boolean secure;

        ForwardedRequest(HttpServletRequest request, String client, boolean secure) {
            super(request);
            this.client = client;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return secure || super.isSecure();
        }
    }
}
