package io.distributedjob.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.distributedjob.testgrpc.greeter.GreeterGrpc;
import io.distributedjob.testgrpc.greeter.HelloReply;
import io.distributedjob.testgrpc.greeter.HelloRequest;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.StreamObserver;

/**
 * A real gRPC target for tests, with server reflection: counts calls, keeps each request, its arrival, the
 * metadata sent with it and the fire id among them, and can be told to fail every call ({@link #failWith}) or to
 * answer slowly: names starting with "slow" wait {@link #slowFor} first.
 */
public final class GreeterServer implements AutoCloseable {

    public static final String SERVICE = "djtest.greeter.Greeter";
    private static final Metadata.Key<String> FIRE_ID = Metadata.Key.of("x-dj-fire-id", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> FIRE_ID_CONTEXT = Context.key("fire-id");
    private static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    private final int port;
    private final List<HelloRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> fireIds = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final List<Metadata> metadata = new CopyOnWriteArrayList<>();
    private final List<Instant> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Status failure;
    private volatile Duration slowness = Duration.ofSeconds(5);
    private final ServerCredentials credentials;
    private Server server;

    private GreeterServer(int port, ServerCredentials credentials) {
        this.port = port;
        this.credentials = credentials;
    }

    public static GreeterServer start() {
        return startOn(ServerProcess.freePort());
    }

    public static GreeterServer startOn(int port) {
        return start(port, InsecureServerCredentials.create());
    }

    /** A target that speaks only TLS, with the given certificate and key. */
    public static GreeterServer startTls(ServerCredentials tls) {
        return start(ServerProcess.freePort(), tls);
    }

    private static GreeterServer start(int port, ServerCredentials credentials) {
        GreeterServer greeter = new GreeterServer(port, credentials);
        greeter.restart();
        return greeter;
    }

    public int port() {
        return port;
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    public int calls() {
        return calls.get();
    }

    public List<HelloRequest> requests() {
        return requests;
    }

    public List<String> fireIds() {
        return fireIds;
    }

    /** The W3C {@code traceparent} of each call that carried one. */
    public List<String> traceparents() {
        return traceparents;
    }

    /** The metadata of each call of the greeter, reflection calls aside. */
    public List<Metadata> metadata() {
        return metadata;
    }

    public List<Instant> arrivals() {
        return arrivals;
    }

    /** Every call fails with {@code status} from now on; null answers normally again. */
    public void failWith(Status status) {
        this.failure = status;
    }

    public void slowFor(Duration duration) {
        this.slowness = duration;
    }

    /** Starts (again) on the same port. */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            server = Grpc.newServerBuilderForPort(port, credentials)
                    .addService(ServerInterceptors.intercept(new Greeter(), new MetadataCapture()))
                    .addService(ProtoReflectionServiceV1.newInstance())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening, as a crashed or redeployed target would. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private final class Greeter extends GreeterGrpc.GreeterImplBase {

        @Override
        public void sayHello(HelloRequest request, StreamObserver<HelloReply> response) {
            arrivals.add(Instant.now());
            int count = calls.incrementAndGet();
            requests.add(request);
            String fireId = FIRE_ID_CONTEXT.get();
            if (fireId != null) {
                fireIds.add(fireId);
            }
            Status failing = failure;
            if (failing != null) {
                response.onError(failing.withDescription("told to fail").asRuntimeException());
                return;
            }
            if (request.getName().startsWith("slow")) {
                try {
                    Thread.sleep(slowness);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            response.onNext(HelloReply.newBuilder().setMessage("hello " + request.getName()).setCount(count).build());
            response.onCompleted();
        }
    }

    private final class MetadataCapture implements ServerInterceptor {

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            metadata.add(headers);
            String traceparent = headers.get(TRACEPARENT);
            if (traceparent != null) {
                traceparents.add(traceparent);
            }
            Context context = Context.current().withValue(FIRE_ID_CONTEXT, headers.get(FIRE_ID));
            return Contexts.interceptCall(context, call, headers, next);
        }
    }
}
