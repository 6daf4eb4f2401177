package io.distributedjob.execution.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.distributedjob.config.TargetSettings;
import io.distributedjob.support.GreeterServer;
import io.distributedjob.targets.TargetPolicy;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** gRPC calls under the target policy, against a real gRPC server listening on every loopback address. */
class GrpcTargetPolicyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final GreeterServer greeter = GreeterServer.start();
    private final TargetSettings rules = new TargetSettings(List.of(), List.of("127.0.0.2/32"), "");
    private final GrpcChannels channels = new GrpcChannels(new TargetPolicy(rules), rules);
    private final DynamicGrpcCaller caller = new DynamicGrpcCaller(channels, new ReflectionSchemas(Clock.systemUTC()));

    @AfterEach
    void stop() throws InterruptedException {
        channels.close();
        greeter.close();
    }

    @Test
    void aDeniedAddressIsRefusedWithoutAnyCall() {
        GrpcCallResult result = call("127.0.0.2:" + greeter.port());

        assertThat(result.statusCode()).isEqualTo(Status.Code.PERMISSION_DENIED.value());
        assertThat(result.error()).isEqualTo("PERMISSION_DENIED: target policy refused 127.0.0.2");
        assertThat(greeter.calls()).isZero();
    }

    @Test
    void aStaticListWithOneDeniedServerIsRefused() {
        GrpcCallResult result = call("127.0.0.1:" + greeter.port() + ",127.0.0.2:" + greeter.port());

        assertThat(result.error()).contains("target policy refused 127.0.0.2");
        assertThat(greeter.calls()).isZero();
    }

    @Test
    void aDnsTargetIsCheckedOnTheAddressesItResolvesTo() {
        TargetSettings loopbackDenied = new TargetSettings(List.of(), List.of("127.0.0.0/8", "::1"), "");
        GrpcChannels strict = new GrpcChannels(new TargetPolicy(loopbackDenied), loopbackDenied);
        try {
            GrpcCallResult result = new DynamicGrpcCaller(strict, new ReflectionSchemas(Clock.systemUTC())).call(
                    new DynamicGrpcCaller.Call("dns:///localhost:" + greeter.port() + "/" + GreeterServer.SERVICE,
                            "SayHello", "{}", false, Map.of()), TIMEOUT);

            assertThat(result.error()).startsWith("PERMISSION_DENIED: target policy refused localhost (");
            assertThat(greeter.calls()).isZero();
        } finally {
            closeQuietly(strict);
        }
    }

    @Test
    void anAllowedStaticListIncludingIpv6IsCalled() {
        GrpcCallResult result = call("127.0.0.1:" + greeter.port() + ",[::1]:" + greeter.port());

        assertThat(result.success()).as(result.error()).isTrue();
        assertThat(greeter.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254:80", "[::ffff:169.254.169.254]:80", "[fe80::1]:50051",
            "metadata.google.internal:80", "dns:///metadata.google.internal:80"})
    void theBuiltInRulesRefuseMetadataAddressesAtOnce(String target) {
        long start = System.nanoTime();
        GrpcCallResult result = call(target);

        assertThat(result.statusCode()).isEqualTo(Status.Code.PERMISSION_DENIED.value());
        assertThat(result.error()).contains("target policy refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aSlowCallEndsAtItsDeadline() {
        greeter.slowFor(Duration.ofSeconds(5));
        call("127.0.0.1:" + greeter.port());
        long start = System.nanoTime();

        GrpcCallResult result = caller.call(new DynamicGrpcCaller.Call("127.0.0.1:" + greeter.port() + "/"
                + GreeterServer.SERVICE, "SayHello", "{\"name\": \"slow\"}", false, Map.of()), Duration.ofSeconds(1));

        assertThat(result.statusCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED.value());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    }

    private GrpcCallResult call(String target) {
        return caller.call(new DynamicGrpcCaller.Call(target + "/" + GreeterServer.SERVICE, "SayHello", "{}", false,
                Map.of()), TIMEOUT);
    }

    private static void closeQuietly(GrpcChannels channels) {
        try {
            channels.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
