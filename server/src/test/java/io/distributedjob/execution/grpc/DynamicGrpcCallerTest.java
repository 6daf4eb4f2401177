package io.distributedjob.execution.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.distributedjob.config.TargetSettings;
import io.distributedjob.support.GreeterServer;
import io.distributedjob.targets.TargetPolicy;
import io.distributedjob.testgrpc.greeter.HelloRequest;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls a real gRPC server known only through its reflection service. */
class DynamicGrpcCallerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final TargetSettings NO_RULES = new TargetSettings(List.of(), List.of(), "");

    private final GrpcChannels channels = new GrpcChannels(new TargetPolicy(NO_RULES), NO_RULES);
    private final DynamicGrpcCaller caller = new DynamicGrpcCaller(channels, new ReflectionSchemas(Clock.systemUTC()));
    private GreeterServer greeter;

    @BeforeEach
    void startTarget() {
        greeter = GreeterServer.start();
    }

    @AfterEach
    void stopTarget() throws InterruptedException {
        greeter.close();
        channels.close();
    }

    @Test
    void buildsTheRequestFromJsonAndReturnsTheResponseAsJson() {
        GrpcCallResult result = call(greeter.target() + "/" + GreeterServer.SERVICE, "SayHello",
                "{\"name\": \"ada\", \"times\": 3, \"tags\": [\"a\", \"b\"], \"nested\": {\"flag\": true}}",
                TIMEOUT, Map.of("X-DJ-Fire-Id", "7:2026-01-01T00:00:00Z"));

        assertThat(result.success()).isTrue();
        assertThat(result.statusCode()).isZero();
        assertThat(result.response()).isEqualTo("{\"message\":\"hello ada\",\"count\":1}");
        HelloRequest received = greeter.requests().getFirst();
        assertThat(received.getName()).isEqualTo("ada");
        assertThat(received.getTimes()).isEqualTo(3);
        assertThat(received.getTagsList()).containsExactly("a", "b");
        assertThat(received.getNested().getFlag()).isTrue();
        assertThat(greeter.fireIds()).containsExactly("7:2026-01-01T00:00:00Z");
    }

    @Test
    void emptyParametersSendAnEmptyMessage() {
        GrpcCallResult result = call(greeter.target() + "/" + GreeterServer.SERVICE, "SayHello", "", TIMEOUT, Map.of());
        assertThat(result.success()).isTrue();
        assertThat(greeter.requests().getFirst()).isEqualTo(HelloRequest.getDefaultInstance());
    }

    @Test
    void theTargetsErrorStatusIsReported() {
        greeter.failWith(Status.RESOURCE_EXHAUSTED);
        GrpcCallResult result = call(greeter.target() + "/" + GreeterServer.SERVICE, "SayHello",
                "{\"name\": \"any\"}", TIMEOUT, Map.of());
        assertThat(result.success()).isFalse();
        assertThat(result.statusCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED.value());
        assertThat(result.error()).contains("RESOURCE_EXHAUSTED").contains("told to fail");
    }

    @Test
    void unknownMethodIsNotFound() {
        GrpcCallResult result = call(greeter.target() + "/" + GreeterServer.SERVICE, "SayGoodbye", "{}", TIMEOUT, Map.of());
        assertThat(result.statusCode()).isEqualTo(Status.Code.NOT_FOUND.value());
        assertThat(result.error()).contains("SayGoodbye");
    }

    @Test
    void unknownServiceIsNotFound() {
        GrpcCallResult result = call(greeter.target() + "/djtest.greeter.Nope", "SayHello", "{}", TIMEOUT, Map.of());
        assertThat(result.statusCode()).isEqualTo(Status.Code.NOT_FOUND.value());
    }

    @Test
    void parametersThatDoNotMatchTheSchemaAreInvalidArgument() {
        GrpcCallResult result = call(greeter.target() + "/" + GreeterServer.SERVICE, "SayHello",
                "{\"nmae\": \"typo\"}", TIMEOUT, Map.of());
        assertThat(result.statusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
        assertThat(result.error()).contains("grpcParams").contains("nmae");
        assertThat(greeter.calls()).isZero();
    }

    @Test
    void theTimeoutIsTheCallsDeadline() {
        greeter.slowFor(Duration.ofSeconds(3));
        call(greeter.target() + "/" + GreeterServer.SERVICE, "SayHello", "{}", TIMEOUT, Map.of());
        GrpcCallResult result = call(greeter.target() + "/" + GreeterServer.SERVICE, "SayHello",
                "{\"name\": \"slow\"}", Duration.ofMillis(300), Map.of());
        assertThat(result.statusCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED.value());
    }

    @Test
    void aTargetThatIsDownAndComesBackIsReachedAgain() {
        String service = greeter.target() + "/" + GreeterServer.SERVICE;
        assertThat(call(service, "SayHello", "{}", TIMEOUT, Map.of()).success()).isTrue();

        greeter.stop();
        GrpcCallResult down = call(service, "SayHello", "{}", Duration.ofSeconds(1), Map.of());
        assertThat(down.statusCode()).isIn(Status.Code.UNAVAILABLE.value(), Status.Code.DEADLINE_EXCEEDED.value());

        greeter.restart();
        GrpcCallResult back = call(service, "SayHello", "{\"name\": \"again\"}", TIMEOUT, Map.of());
        assertThat(back.success()).as(back.error()).isTrue();
        assertThat(back.response()).contains("hello again");
    }

    @Test
    void aStaticListIsCalledRoundRobin() {
        try (GreeterServer second = GreeterServer.start()) {
            String service = greeter.target() + "," + second.target() + "/" + GreeterServer.SERVICE;
            for (int i = 0; i < 10; i++) {
                GrpcCallResult result = call(service, "SayHello", "{}", TIMEOUT, Map.of());
                assertThat(result.success()).as(result.error()).isTrue();
            }
            assertThat(greeter.calls()).isEqualTo(5);
            assertThat(second.calls()).isEqualTo(5);
        }
    }

    @Test
    void aDnsTargetIsResolved() {
        GrpcCallResult result = call("dns:///localhost:" + greeter.port() + "/" + GreeterServer.SERVICE,
                "SayHello", "{\"name\": \"dns\"}", TIMEOUT, Map.of());
        assertThat(result.success()).as(result.error()).isTrue();
    }

    @Test
    void aMalformedServiceIsInvalidArgumentWithoutAnyCall() {
        GrpcCallResult result = call("no-port/" + GreeterServer.SERVICE, "SayHello", "{}", TIMEOUT, Map.of());
        assertThat(result.statusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
        assertThat(result.error()).contains("grpcService");
    }

    private GrpcCallResult call(String service, String method, String params, Duration timeout, Map<String, String> headers) {
        return caller.call(new DynamicGrpcCaller.Call(service, method, params, false, headers), timeout);
    }
}
