package io.distributedjob.execution;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.distributedjob.targets.TargetPolicy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled HTTP client of HTTP tasks. Host names are resolved through the target policy, so a connection is
 * only ever opened to an address the policy admitted; redirects are followed here, hop by hop, each hop on a
 * connection made the same way. One deadline covers a whole exchange (connection, request, headers, every
 * redirect and the body): when it passes, the connection is closed under the waiting thread. A body is read up
 * to the configured size and no further.
 */
class HttpTargetClient implements AutoCloseable {

    /** The same bound the JDK and browsers keep, so a redirect loop ends quickly. */
    static final int MAX_REDIRECTS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    /** What a request is; the body and its headers go to every hop that keeps the method. */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
    }

    /** The final answer: its status and at most the configured number of bytes of its body. */
    record Answer(int status, String body) {
    }

    /** The deadline passed before the exchange ended. */
    static final class DeadlineExceededException extends IOException {
        DeadlineExceededException() {
            super("deadline exceeded");
        }
    }

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final int bodyMaxBytes;

    HttpTargetClient(TargetPolicy policy, int maxConnections, int bodyMaxBytes) {
        this.bodyMaxBytes = bodyMaxBytes;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyResolver(policy))
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("http-deadlines").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = Executors.unconfigurableScheduledExecutorService(timer);
    }

    /**
     * Sends {@code request}, following redirects, and reads the final answer within {@code timeout}.
     *
     * @throws DeadlineExceededException                       when the deadline passed first
     * @throws io.distributedjob.targets.TargetRefusedException when a hop leads where the policy refuses
     */
    Answer send(Request request, Duration timeout) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        AtomicReference<HttpUriRequestBase> current = new AtomicReference<>();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            HttpUriRequestBase inFlight = current.get();
            if (inFlight != null) {
                inFlight.cancel();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return follow(request, current, expired);
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                throw new DeadlineExceededException();
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private Answer follow(Request first, AtomicReference<HttpUriRequestBase> current, AtomicBoolean expired)
            throws IOException {
        Request request = first;
        for (int hop = 0; ; hop++) {
            HttpUriRequestBase message = message(request);
            current.set(message);
            if (expired.get()) {
                throw new DeadlineExceededException();
            }
            ClassicHttpResponse response = client.executeOpen(null, message, null);
            try {
                int status = response.getCode();
                String location = response.getFirstHeader(HttpHeaders.LOCATION) == null ? null
                        : response.getFirstHeader(HttpHeaders.LOCATION).getValue();
                if (!REDIRECTS.contains(status) || location == null || hop == MAX_REDIRECTS) {
                    return new Answer(status, read(response.getEntity(), message));
                }
                // the body of a redirect is not read: dropping its connection is cheaper than draining it
                message.cancel();
                Request next = redirected(request, status, request.uri().resolve(location.strip()));
                if (next == null) {
                    return new Answer(status, null);
                }
                request = next;
            } finally {
                close(response, message);
            }
        }
    }

    /** Closes an answer; one whose connection was closed on purpose may fail to, which changes nothing. */
    private static void close(ClassicHttpResponse response, HttpUriRequestBase message) throws IOException {
        try {
            response.close();
        } catch (IOException e) {
            if (!message.isCancelled()) {
                throw e;
            }
        }
    }

    /**
     * The request of the next hop; null when it is not followed: to a scheme other than HTTP(S), or from HTTPS to
     * plain HTTP.
     */
    private static Request redirected(Request request, int status, URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        boolean leavesHttps = "https".equalsIgnoreCase(request.uri().getScheme()) && !scheme.equals("https");
        if (leavesHttps || !(scheme.equals("http") || scheme.equals("https"))) {
            return null;
        }
        boolean sameOrigin = origin(request.uri()).equals(origin(target));
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        if (!sameOrigin) {
            headers.keySet().removeIf(name -> CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
        }
        boolean keepsMethod = status == 307 || status == 308
                || request.method().equals("GET") || request.method().equals("HEAD");
        if (keepsMethod) {
            return new Request(request.method(), target, headers, request.body());
        }
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE));
        return new Request("GET", target, headers, null);
    }

    private static String origin(URI uri) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    }

    private static HttpUriRequestBase message(Request request) {
        HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(message::setHeader);
        if (request.body() != null) {
            message.setEntity(new ByteArrayEntity(request.body(), null));
        }
        return message;
    }

    /**
     * Reads at most {@code bodyMaxBytes}. A body that may be longer is not drained: its connection is closed
     * instead, so neither a huge nor an endless body keeps the caller. A body of announced length is read into a
     * buffer of that length: read in the JDK's 16 KiB chunks, the typical short answer was a fifth of all a fire
     * allocated.
     */
    private String read(HttpEntity entity, HttpUriRequestBase message) throws IOException {
        if (entity == null) {
            return null;
        }
        InputStream in = entity.getContent();
        long announced = entity.getContentLength();
        byte[] kept = in.readNBytes(announced >= 0 && announced < bodyMaxBytes ? (int) announced : bodyMaxBytes);
        if (kept.length == bodyMaxBytes && announced != bodyMaxBytes) {
            message.cancel();
        } else {
            in.close();
        }
        return kept.length == 0 ? null : new String(kept, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }

    /** Resolves host names for the connection pool through the policy: refused addresses are never returned. */
    private record PolicyResolver(TargetPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return policy.resolve(host)[0].getCanonicalHostName();
        }
    }
}
