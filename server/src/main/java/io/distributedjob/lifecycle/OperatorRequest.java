package io.distributedjob.lifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.distributedjob.execution.HttpTaskExecutor;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a request typed by an operator on the server's own host (curl, a script) from every other way a request
 * can arrive there: from a task of this scheduler (which sends {@code X-DJ-Fire-Id} on every call and every
 * redirect), from a browser open on the host (which sends {@code Origin}, {@code Referer} or {@code Sec-Fetch-*}),
 * or through a proxy (which says so in {@code Forwarded}, {@code X-Forwarded-*} or {@code Via}).
 *
 * <p>The request is read as it was received: with {@code server.forward-headers-strategy=framework} Spring's filter
 * hides the forwarded headers behind a wrapper, which is looked through; with {@code native} Tomcat's valve
 * removes them and rewrites the address, so {@link ReceivedRequestValve} reads the request before it does.
 */
final class OperatorRequest {

    private static final Set<String> LOCAL_HOST_NAMES = Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]");
    private static final List<String> REFUSED_HEADERS = List.of("origin", "referer", "forwarded", "via", "x-real-ip",
            HttpTaskExecutor.FIRE_ID_HEADER.toLowerCase(Locale.ROOT));
    private static final List<String> REFUSED_HEADER_PREFIXES = List.of("sec-fetch-", "x-forwarded-");

    private OperatorRequest() {
    }

    /** Why {@code request} is not an operator's local call, or empty when it is one. */
    static Optional<String> refusal(HttpServletRequest request) {
        HttpServletRequest received = asReceived(request);
        for (String name : Collections.list(received.getHeaderNames())) {
            String header = name.toLowerCase(Locale.ROOT);
            if (REFUSED_HEADERS.contains(header) || REFUSED_HEADER_PREFIXES.stream().anyMatch(header::startsWith)) {
                return Optional.of("shutdown is not accepted from a browser, a proxy or a task (" + name + ")");
            }
        }
        if (!LOCAL_HOST_NAMES.contains(received.getServerName().toLowerCase(Locale.ROOT))
                || !isLoopback(received.getRemoteAddr())) {
            return Optional.of("shutdown is only accepted on localhost, 127.0.0.1 or 0.0.0.0 from this machine");
        }
        return Optional.empty();
    }

    private static HttpServletRequest asReceived(HttpServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner instanceof HttpServletRequest http ? http : request;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
