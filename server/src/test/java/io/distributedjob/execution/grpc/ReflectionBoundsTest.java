package io.distributedjob.execution.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import io.distributedjob.config.TargetSettings;
import io.distributedjob.support.MutableClock;
import io.distributedjob.targets.TargetPolicy;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.reflection.v1.FileDescriptorResponse;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schemas from hostile or broken targets: a real gRPC server whose reflection service answers with the files each
 * test makes up.
 */
class ReflectionBoundsTest {

    private static final String SERVICE = "loop.Looped";
    private static final TargetSettings NO_RULES = new TargetSettings(List.of(), List.of(), "");

    private final MutableClock clock = MutableClock.startingNow();
    private final GrpcChannels channels = new GrpcChannels(new TargetPolicy(NO_RULES), NO_RULES);
    private final DynamicGrpcCaller caller = new DynamicGrpcCaller(channels, new ReflectionSchemas(clock));
    private final AtomicInteger questions = new AtomicInteger();
    private Server server;

    @AfterEach
    void stop() throws InterruptedException {
        channels.close();
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void filesThatDependOnEachOtherInACircleAreAnErrorRememberedForAWhile() throws IOException {
        FileDescriptorProto a = file("a.proto", "b.proto").toBuilder().addService(service()).build();
        FileDescriptorProto b = file("b.proto", "a.proto");
        serve(request -> request.hasFileContainingSymbol() || request.getFileByFilename().equals("a.proto") ? a : b);

        GrpcCallResult first = call();
        int asked = questions.get();
        GrpcCallResult again = call();

        assertThat(first.statusCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
        assertThat(first.error()).contains("depend on each other in a circle").contains("a.proto -> b.proto -> a.proto");
        assertThat(again.error()).isEqualTo(first.error());
        assertThat(questions.get()).as("the failure is remembered").isEqualTo(asked);

        clock.advance(ReflectionSchemas.FAILURE_TTL.plusSeconds(1));
        call();
        assertThat(questions.get()).as("and asked again once it is old").isGreaterThan(asked);
    }

    @Test
    void aTargetNamingANewFileInEveryAnswerIsStoppedAtTheBound() throws IOException {
        AtomicInteger next = new AtomicInteger();
        serve(request -> {
            int n = next.getAndIncrement();
            return file("f" + n + ".proto", "f" + (n + 1) + ".proto");
        });

        GrpcCallResult result = call();

        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("more than " + ReflectionSchemas.MAX_FILES + " files");
        assertThat(questions.get()).isLessThanOrEqualTo(ReflectionSchemas.MAX_FILES + 1);
    }

    @Test
    void aTargetAnsweringEveryQuestionWithTheSameWrongFileIsStoppedToo() throws IOException {
        FileDescriptorProto wrong = file("wrong.proto", "needed.proto");
        serve(request -> wrong);

        GrpcCallResult result = call();

        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("did not describe");
        assertThat(questions.get()).isLessThanOrEqualTo(3);
    }

    private GrpcCallResult call() {
        String target = "127.0.0.1:" + server.getPort() + "/" + SERVICE;
        return caller.call(new DynamicGrpcCaller.Call(target, "Call", "{}", false, Map.of()), Duration.ofSeconds(5));
    }

    private static FileDescriptorProto file(String name, String dependency) {
        return FileDescriptorProto.newBuilder().setName(name).setPackage("loop").addDependency(dependency)
                .addMessageType(DescriptorProto.newBuilder().setName("M" + name.replaceAll("\\W", "_")))
                .build();
    }

    private static ServiceDescriptorProto service() {
        return ServiceDescriptorProto.newBuilder().setName("Looped").addMethod(MethodDescriptorProto.newBuilder()
                .setName("Call").setInputType(".loop.Ma_proto").setOutputType(".loop.Ma_proto")).build();
    }

    private void serve(Function<ServerReflectionRequest, FileDescriptorProto> answers) throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new ServerReflectionGrpc.ServerReflectionImplBase() {
                    @Override
                    public StreamObserver<ServerReflectionRequest> serverReflectionInfo(
                            StreamObserver<ServerReflectionResponse> responses) {
                        return new StreamObserver<>() {
                            @Override
                            public void onNext(ServerReflectionRequest request) {
                                questions.incrementAndGet();
                                responses.onNext(ServerReflectionResponse.newBuilder()
                                        .setFileDescriptorResponse(FileDescriptorResponse.newBuilder()
                                                .addFileDescriptorProto(answers.apply(request).toByteString()))
                                        .build());
                            }

                            @Override
                            public void onError(Throwable error) {
                            }

                            @Override
                            public void onCompleted() {
                                responses.onCompleted();
                            }
                        };
                    }
                })
                .build()
                .start();
    }
}
