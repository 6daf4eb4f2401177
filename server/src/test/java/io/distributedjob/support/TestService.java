package io.distributedjob.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;

/**
 * A service outside the JVM that some tests need. Where it is missing those tests are skipped with a message
 * naming it, so that {@code mvn verify} passes on a machine with nothing installed; a build that passes
 * {@code -Ddj.test.<name>=required} (as CI does) makes a missing service a failure instead, so that a broken
 * service cannot turn a suite green by skipping it.
 */
public enum TestService {

    MARIADB("mariadb", "MariaDB", MariaDb::hostPort,
            "start MariaDB, or point DJ_TEST_MARIADB (or -Ddj.test.mariadb.address) at one"),
    REDIS("redis", "Redis", Redis::hostPort,
            "start Redis, or point DJ_TEST_REDIS_HOST/DJ_TEST_REDIS_PORT at one"),
    ETCD("etcd", "The etcd binary", () -> "PATH", "install etcd-server so that `etcd` is on the PATH");

    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final ConcurrentMap<TestService, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private final String name;
    private final String description;
    private final Supplier<String> address;
    private final String remedy;

    TestService(String name, String description, Supplier<String> address, String remedy) {
        this.name = name;
        this.description = description;
        this.address = address;
        this.remedy = remedy;
    }

    /** The system property that makes this service required: {@code dj.test.mariadb} and so on. */
    public String switchProperty() {
        return "dj.test." + name;
    }

    public boolean required() {
        return "required".equals(System.getProperty(switchProperty(), "").strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the service answers; probed once per test JVM. */
    public boolean available() {
        return AVAILABLE.computeIfAbsent(this, service -> service == ETCD ? etcdOnPath() : accepting(address.get()));
    }

    /** Why a test of this service is skipped, for the test report. */
    public String skipReason() {
        return unavailable() + "; -D" + switchProperty() + "=required makes this a failure";
    }

    /** Why a test of this service fails when the build requires the service. */
    public String failureReason() {
        return unavailable() + " and -D" + switchProperty() + "=required is set";
    }

    private String unavailable() {
        return description + " is not available (" + address.get() + "): " + remedy;
    }

    /**
     * Skips the calling test when the service is missing and not required; fails it when the service is
     * missing and required.
     */
    public void assume() {
        if (available()) {
            return;
        }
        if (required()) {
            throw new IllegalStateException(failureReason());
        }
        Assumptions.abort(skipReason());
    }

    /** Skips or fails as {@link #assume()} for each of {@code services}. */
    public static void assumeAll(TestService... services) {
        Arrays.stream(services).forEach(TestService::assume);
    }

    private static boolean accepting(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean etcdOnPath() {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "etcd")));
    }
}
