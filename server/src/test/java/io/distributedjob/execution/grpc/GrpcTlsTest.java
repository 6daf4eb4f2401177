package io.distributedjob.execution.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.distributedjob.config.TargetSettings;
import io.distributedjob.support.GreeterServer;
import io.distributedjob.support.SelfSignedCertificate;
import io.distributedjob.targets.TargetPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gRPC tasks over TLS against a real TLS gRPC server whose certificate is made for the test. */
class GrpcTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    static Path certificates;
    private static SelfSignedCertificate certificate;

    private final GrpcChannels trustingTheTarget = channels(certificate.certificatePem().toString());
    private final GrpcChannels trustingTheJvm = channels("");
    private GreeterServer greeter;

    @BeforeAll
    static void makeCertificate() {
        certificate = SelfSignedCertificate.create(certificates);
    }

    @AfterEach
    void stop() throws InterruptedException {
        trustingTheTarget.close();
        trustingTheJvm.close();
        if (greeter != null) {
            greeter.close();
        }
    }

    @Test
    void aTlsTaskReachesATargetSignedByTheConfiguredCa() {
        greeter = GreeterServer.startTls(certificate.serverCredentials());

        GrpcCallResult result = call(trustingTheTarget, true);

        assertThat(result.success()).as(result.error()).isTrue();
        assertThat(result.response()).contains("hello tls");
        assertThat(greeter.calls()).isEqualTo(1);
    }

    @Test
    void aCertificateTheTrustStoreDoesNotKnowIsRefused() {
        greeter = GreeterServer.startTls(certificate.serverCredentials());

        GrpcCallResult result = call(trustingTheJvm, true);

        assertThat(result.success()).isFalse();
        assertThat(greeter.calls()).isZero();
    }

    @Test
    void aPlaintextTaskDoesNotReachATlsTarget() {
        greeter = GreeterServer.startTls(certificate.serverCredentials());

        GrpcCallResult result = call(trustingTheTarget, false);

        assertThat(result.success()).isFalse();
        assertThat(greeter.calls()).isZero();
    }

    @Test
    void aTlsTaskDoesNotFallBackToPlaintext() {
        greeter = GreeterServer.start();

        GrpcCallResult result = call(trustingTheTarget, true);

        assertThat(result.success()).isFalse();
        assertThat(greeter.calls()).isZero();
    }

    private GrpcCallResult call(GrpcChannels channels, boolean tls) {
        DynamicGrpcCaller caller = new DynamicGrpcCaller(channels, new ReflectionSchemas(Clock.systemUTC()));
        return caller.call(new DynamicGrpcCaller.Call(greeter.target() + "/" + GreeterServer.SERVICE, "SayHello",
                "{\"name\": \"tls\"}", tls, Map.of()), TIMEOUT);
    }

    private static GrpcChannels channels(String trustCertificates) {
        TargetSettings settings = new TargetSettings(List.of(), List.of(), trustCertificates);
        return new GrpcChannels(new TargetPolicy(settings), settings);
    }
}
