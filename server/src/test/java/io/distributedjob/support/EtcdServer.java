package io.distributedjob.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node etcd (the {@code etcd} binary on the PATH) on free loopback ports with a data directory of its
 * own. It can be stopped and started again on the same ports and data, as an outage would.
 */
public final class EtcdServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int clientPort = ServerProcess.freePort();
    private final int peerPort = ServerProcess.freePort();
    private Process process;

    private EtcdServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static EtcdServer start(Path dir) {
        TestService.ETCD.assume();
        EtcdServer server = new EtcdServer(dir.resolve("etcd"));
        server.resume();
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    /** Starts the process again on the same ports and data, and waits until it accepts clients. */
    public synchronized void resume() {
        String client = endpoint();
        String peer = "http://127.0.0.1:" + peerPort;
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(List.of("etcd", "--name", "default", "--data-dir", dataDir.toString(),
                    "--listen-client-urls", client, "--advertise-client-urls", client,
                    "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                    "--initial-cluster", "default=" + peer))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("etcd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("etcd could not be started (is etcd-server installed?)", e);
        }
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(this::accepting);
    }

    /** Stops the process as an outage would: at once, without a graceful shutdown. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("etcd exited; see " + dataDir.resolveSibling("etcd.log"));
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), clientPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
