package io.distributedjob.rpc.example;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import io.distributedjob.rpc.proto.auth.AuthServiceGrpc;
import io.distributedjob.rpc.proto.auth.AuthenticateRequest;
import io.distributedjob.rpc.proto.auth.AuthenticateResponse;
import io.distributedjob.rpc.proto.scheduler.ScheduleTaskRequest;
import io.distributedjob.rpc.proto.scheduler.ScheduleTaskResponse;
import io.distributedjob.rpc.proto.scheduler.TaskSchedulerGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/**
 * Connects to the gRPC API, authenticates, and schedules an HTTP task with the access token as a bearer token.
 * Run with {@code [host:port] [username] [password]} (default {@code localhost:9090 admin admin123}).
 */
public final class ScheduleTaskClientExample {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private ScheduleTaskClientExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        String target = args.length > 0 ? args[0] : "localhost:9090";
        String username = args.length > 1 ? args[1] : "admin";
        String password = args.length > 2 ? args[2] : "admin123";
        ScheduleTaskResponse response = scheduleExampleTask(target, username, password);
        System.out.printf("Task scheduled with ID: %d, Success: %b%n", response.getTaskId(), response.getSuccess());
    }

    public static ScheduleTaskResponse scheduleExampleTask(String target, String username, String password)
            throws InterruptedException {
        ManagedChannel channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
        try {
            AuthenticateResponse login = AuthServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .authenticate(AuthenticateRequest.newBuilder()
                            .setUsername(username)
                            .setPassword(password)
                            .build());

            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, "Bearer " + login.getAccessToken());
            TaskSchedulerGrpc.TaskSchedulerBlockingStub scheduler = TaskSchedulerGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));

            return scheduler.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .scheduleTask(ScheduleTaskRequest.newBuilder()
                            .setName("ExampleTask")
                            .setCronExpression("*/5 * * * *")
                            .setHandler("http")
                            .setParams(ByteString.copyFrom("{\"url\": \"http://example.com/api\"}", StandardCharsets.UTF_8))
                            .setMaxRetry(3)
                            .build());
        } finally {
            channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
