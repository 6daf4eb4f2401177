package io.distributedjob.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP endpoint that tasks call in tests: it logs every call (path, method, headers, body, arrival) and
 * answers with the status, body and delay configured for the path (200 "ok" by default).
 */
public final class TargetServer implements AutoCloseable {

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

    public TargetServer() {
        this("127.0.0.1");
    }

    /** A target listening on {@code loopbackAddress}, such as 127.0.0.2 (any 127/8 address is this machine). */
    public TargetServer(String loopbackAddress) {
        try {
            server = HttpServer.create(new InetSocketAddress(loopbackAddress, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
    }

    /** Answers {@code path} with a redirect to {@code location}. */
    public void redirect(String path, int status, String location) {
        replies.put(path, new Reply(status, "", 0, location));
    }

    /**
     * Answers {@code path} with {@code handler} (after logging the call as any other), for answers beyond a status
     * and a body, such as one that stalls.
     */
    public void answer(String path, HttpHandler handler) {
        handlers.put(path, handler);
    }

    /** Answers {@code path} with {@code status} and {@code body} after {@code delayMillis}. */
    public void reply(String path, int status, String body, long delayMillis) {
        replies.put(path, new Reply(status, body, delayMillis, null));
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String path) {
        return calls().stream().filter(call -> call.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        String path = exchange.getRequestURI().getPath();
        synchronized (calls) {
            calls.add(new Call(path, exchange.getRequestMethod(), headers, body, arrived,
                    exchange.getRemoteAddress().getPort()));
        }
        HttpHandler handler = handlers.get(path);
        if (handler != null) {
            handler.handle(exchange);
            return;
        }
        Reply reply = replies.getOrDefault(path, new Reply(200, "ok", 0, null));
        try {
            if (reply.location != null) {
                exchange.getResponseHeaders().set("Location", reply.location);
            }
            if (reply.delayMillis > 0) {
                Thread.sleep(reply.delayMillis);
            }
            byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the caller gave up (timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One call as the target saw it; {@code clientPort} tells the connections it came on apart. */
    public record Call(String path, String method, Map<String, String> headers, String body, Instant arrived,
                       int clientPort) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private record Reply(int status, String body, long delayMillis, String location) {
    }
}
