package io.distributedjob.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A single-node etcd (the {@code etcd} binary on the PATH) on free loopback ports, with its data under the run's directory. */
final class EtcdProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int clientPort;

    private EtcdProcess(Process process, int clientPort) {
        this.process = process;
        this.clientPort = clientPort;
    }

    static EtcdProcess start(Path dir) throws Exception {
        int clientPort = Local.freePort();
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + Local.freePort();
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(List.of("etcd", "--name", "bench", "--data-dir", dir.resolve("etcd").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", "bench=" + peer))
                .redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
        EtcdProcess etcd = new EtcdProcess(process, clientPort);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!etcd.accepting()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("etcd did not start (is etcd-server installed?): see " + dir.resolve("etcd.log"));
            }
            Thread.sleep(100);
        }
        return etcd;
    }

    String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    private boolean accepting() {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), clientPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
