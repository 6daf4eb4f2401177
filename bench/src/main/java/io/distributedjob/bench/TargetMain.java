package io.distributedjob.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The HTTP endpoint the benchmark's tasks call, in its own process. A single-threaded non-blocking HTTP/1.1
 * server (keep-alive, Content-Length bodies) so that the endpoint costs little next to the scheduler under test:
 * it notes each call's {@code X-DJ-Fire-Id} and arrival and answers 200 at once. A call to {@code /stall} gets
 * its headers at once and then never the body it announces, as a target that hangs mid-answer; it is not counted.
 * {@code GET /stats?from=&to=}
 * (epoch milliseconds, by scheduled instant) reports calls, distinct fires and arrival lateness as JSON;
 * {@code GET /duplicates?from=&to=} lists the fires delivered more than once with the instant of each delivery.
 */
public final class TargetMain {

    private static final int BUFFER = 64 * 1024;
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STALLED = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n{"
            .getBytes(StandardCharsets.US_ASCII);
    private static final String FIRE_ID = "x-dj-fire-id:";

    private final List<String> fireIds = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        new TargetMain().serve();
    }

    private void serve() throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("PORT " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        while (true) {
            selector.select();
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                try {
                    if (key.isAcceptable()) {
                        SocketChannel client = server.accept();
                        if (client != null) {
                            client.configureBlocking(false);
                            client.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                            client.register(selector, SelectionKey.OP_READ, new Connection());
                        }
                    } else if (key.isReadable()) {
                        read(key);
                    }
                } catch (IOException e) {
                    key.cancel();
                    key.channel().close();
                }
            }
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        int read = channel.read(connection.in);
        if (read < 0) {
            key.cancel();
            channel.close();
            return;
        }
        long now = System.currentTimeMillis();
        ByteBuffer out = ByteBuffer.allocate(BUFFER);
        while (true) {
            Request request = connection.next();
            if (request == null) {
                break;
            }
            if (request.target.startsWith("/stats")) {
                out = json(out, stats(request.target));
            } else if (request.target.startsWith("/duplicates")) {
                out = json(out, duplicates(request.target));
            } else if (request.target.startsWith("/stall")) {
                out.put(STALLED);
            } else {
                if (request.fireId != null) {
                    fireIds.add(request.fireId);
                    arrivals.add(now);
                }
                out.put(OK);
            }
        }
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private static ByteBuffer json(ByteBuffer out, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer roomy = out.remaining() >= head.length + body.length ? out
                : ByteBuffer.allocate(out.position() + head.length + body.length + BUFFER).put(out.flip());
        return roomy.put(head).put(body);
    }

    /** Every fire delivered more than once, with the instants (epoch ms) of all its deliveries. */
    private String duplicates(String target) {
        long[] window = window(target);
        Map<String, List<Long>> deliveries = new HashMap<>();
        for (int i = 0; i < fireIds.size(); i++) {
            String fireId = fireIds.get(i);
            long scheduled = Instant.parse(fireId.substring(fireId.indexOf(':') + 1)).toEpochMilli();
            if (scheduled >= window[0] && scheduled < window[1]) {
                deliveries.computeIfAbsent(fireId, id -> new ArrayList<>()).add(arrivals.get(i));
            }
        }
        StringBuilder json = new StringBuilder("{\"fires\":[");
        deliveries.forEach((fireId, at) -> {
            if (at.size() > 1) {
                json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"id\":\"").append(fireId)
                        .append("\",\"arrivals\":").append(at).append('}');
            }
        });
        return json.append("]}").toString();
    }

    /** The {@code from} and {@code to} query parameters: epoch milliseconds of scheduled instants. */
    private static long[] window(String target) {
        Map<String, String> query = new HashMap<>();
        for (String pair : target.substring(target.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        return new long[] {Long.parseLong(query.get("from")), Long.parseLong(query.get("to"))};
    }

    private String stats(String target) {
        long[] window = window(target);
        long from = window[0];
        long to = window[1];
        Map<String, Integer> seen = new HashMap<>();
        List<Long> lateness = new ArrayList<>();
        for (int i = 0; i < fireIds.size(); i++) {
            String fireId = fireIds.get(i);
            long scheduled = Instant.parse(fireId.substring(fireId.indexOf(':') + 1)).toEpochMilli();
            if (scheduled >= from && scheduled < to && seen.merge(fireId, 1, Integer::sum) == 1) {
                lateness.add(arrivals.get(i) - scheduled);
            }
        }
        long calls = seen.values().stream().mapToLong(Integer::longValue).sum();
        Percentiles p = Percentiles.of(lateness);
        return "{\"calls\":" + calls + ",\"distinct\":" + seen.size() + ",\"p50\":" + p.p50() + ",\"p99\":" + p.p99()
                + ",\"max\":" + p.max() + "}";
    }

    private record Request(String target, String fireId) {
    }

    /** Bytes received on one connection, cut into requests as they complete. */
    private static final class Connection {

        private ByteBuffer in = ByteBuffer.allocate(BUFFER);

        Request next() {
            byte[] data = in.array();
            int limit = in.position();
            int headEnd = indexOf(data, limit);
            if (headEnd < 0) {
                grow();
                return null;
            }
            String head = new String(data, 0, headEnd, StandardCharsets.ISO_8859_1);
            int length = 0;
            String fireId = null;
            String[] lines = head.split("\r\n");
            String target = lines[0].split(" ")[1];
            for (int i = 1; i < lines.length; i++) {
                String lower = lines[i].toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lines[i].substring("content-length:".length()).strip());
                } else if (lower.startsWith(FIRE_ID)) {
                    fireId = lines[i].substring(FIRE_ID.length()).strip();
                }
            }
            int total = headEnd + 4 + length;
            if (limit < total) {
                grow();
                return null;
            }
            System.arraycopy(data, total, data, 0, limit - total);
            in.position(limit - total);
            return new Request(target, fireId);
        }

        private void grow() {
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                bigger.put(in);
                in = bigger;
            }
        }

        private static int indexOf(byte[] data, int limit) {
            for (int i = 3; i < limit; i++) {
                if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n' && data[i - 3] == '\r') {
                    return i - 3;
                }
            }
            return -1;
        }
    }
}
