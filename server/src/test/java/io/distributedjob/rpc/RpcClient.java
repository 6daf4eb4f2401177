package io.distributedjob.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import auth.Auth;
import auth.AuthServiceGrpc;
import data.DataServiceGrpc;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import rpc.proto.ModelContextServiceGrpc;
import scheduler.TaskSchedulerGrpc;

/**
 * Calls the server's gRPC API with stubs generated from the spec's unchanged .proto text, as a client of the
 * spec would: one channel per server port, kept for the test JVM; each call with a deadline and, when given, the
 * metadata {@code authorization: Bearer <token>}.
 */
public final class RpcClient {

    private static final Map<Integer, ManagedChannel> CHANNELS = new ConcurrentHashMap<>();
    private static final long DEADLINE_SECONDS = 30;
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final String token;

    private RpcClient(ManagedChannel channel, String token) {
        this.channel = channel;
        this.token = token;
    }

    public static RpcClient onPort(int port) {
        return new RpcClient(CHANNELS.computeIfAbsent(port, p ->
                Grpc.newChannelBuilderForAddress("127.0.0.1", p, InsecureChannelCredentials.create()).build()), null);
    }

    /** The same server, calling with {@code authorization: <header>} exactly as given. */
    public RpcClient withAuthorization(String header) {
        return new RpcClient(channel, header);
    }

    public RpcClient withToken(String accessToken) {
        return withAuthorization("Bearer " + accessToken);
    }

    /** Authenticates through the gRPC AuthService and returns a client carrying the access token. */
    public RpcClient login(String username, String password) {
        Auth.AuthenticateResponse response = auth().authenticate(Auth.AuthenticateRequest.newBuilder()
                .setUsername(username).setPassword(password).build());
        assertThat(response.getSuccess()).isTrue();
        return withToken(response.getAccessToken());
    }

    public Channel channel() {
        if (token == null) {
            return channel;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, token);
        return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    public TaskSchedulerGrpc.TaskSchedulerBlockingStub scheduler() {
        return TaskSchedulerGrpc.newBlockingStub(channel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    public AuthServiceGrpc.AuthServiceBlockingStub auth() {
        return AuthServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    public DataServiceGrpc.DataServiceBlockingStub data() {
        return DataServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    public ModelContextServiceGrpc.ModelContextServiceBlockingStub modelContext() {
        return ModelContextServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** The status a call ended with; fails when the call succeeded. */
    public static Status failure(ThrowingCallable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(e).as("the call should have failed").isNotNull();
        return e.getStatus();
    }
}
