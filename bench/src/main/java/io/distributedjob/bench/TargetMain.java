package io.distributedjob.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP endpoint the benchmark's tasks call, in its own process: it notes each call's {@code X-DJ-Fire-Id}
 * and arrival, answers 200 at once, and reports on {@code GET /stats?from=&to=} (epoch milliseconds, by
 * scheduled instant) the calls, distinct fires and arrival lateness.
 */
public final class TargetMain {

    private static final int THREADS = 4;

    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws IOException {
        new TargetMain().serve();
    }

    private void serve() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newFixedThreadPool(THREADS));
        server.createContext("/fire", this::fire);
        server.createContext("/stats", this::stats);
        server.start();
        System.out.println("PORT " + server.getAddress().getPort());
        System.out.flush();
    }

    private void fire(HttpExchange exchange) throws IOException {
        long arrived = System.currentTimeMillis();
        exchange.getRequestBody().readAllBytes();
        String fireId = exchange.getRequestHeaders().getFirst("X-DJ-Fire-Id");
        if (fireId != null) {
            arrivals.add(new Arrival(fireId, arrived));
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void stats(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        long from = Long.parseLong(query.get("from"));
        long to = Long.parseLong(query.get("to"));
        Map<String, Integer> seen = new HashMap<>();
        List<Long> lateness = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            long scheduled = Instant.parse(arrival.fireId.substring(arrival.fireId.indexOf(':') + 1)).toEpochMilli();
            if (scheduled >= from && scheduled < to) {
                if (seen.merge(arrival.fireId, 1, Integer::sum) == 1) {
                    lateness.add(arrival.arrived - scheduled);
                }
            }
        }
        long calls = seen.values().stream().mapToLong(Integer::longValue).sum();
        Percentiles p = Percentiles.of(lateness);
        String json = "{\"calls\":" + calls + ",\"distinct\":" + seen.size() + ",\"p50\":" + p.p50() + ",\"p99\":"
                + p.p99() + ",\"max\":" + p.max() + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Arrival(String fireId, long arrived) {
    }
}
