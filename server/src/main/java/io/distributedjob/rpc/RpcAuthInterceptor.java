package io.distributedjob.rpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;

import io.distributedjob.auth.AuthService;
import io.distributedjob.access.CurrentUser;
import io.distributedjob.rpc.proto.auth.AuthServiceGrpc;
import io.distributedjob.kernel.ApiException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Every gRPC method needs {@code authorization: Bearer <access token>} except logging in, checking a token and
 * refreshing one, the standard health service and server reflection; without a valid access token the call ends
 * with UNAUTHENTICATED before it reaches a service. Writes one access log line per call, as REST does.
 */
@Component
@GlobalServerInterceptor
@Order(Ordered.HIGHEST_PRECEDENCE)
class RpcAuthInterceptor implements ServerInterceptor {

    static final String MISSING_TOKEN = "missing token: send the metadata authorization: Bearer <access token>";

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String SCHEME = "bearer ";

    private static final Set<String> PUBLIC_METHODS = Set.of(
            AuthServiceGrpc.getAuthenticateMethod().getFullMethodName(),
            AuthServiceGrpc.getValidateTokenMethod().getFullMethodName(),
            AuthServiceGrpc.getRefreshTokenMethod().getFullMethodName());
    private static final Set<String> PUBLIC_SERVICES = Set.of(
            HealthGrpc.SERVICE_NAME,
            io.grpc.reflection.v1.ServerReflectionGrpc.SERVICE_NAME,
            io.grpc.reflection.v1alpha.ServerReflectionGrpc.SERVICE_NAME);

    private static final Logger accessLog = LoggerFactory.getLogger("access");

    private final AuthService auth;

    RpcAuthInterceptor(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String client = clientAddress(call);
        LoggedCall<Q, R> logged = new LoggedCall<>(call, client);
        Context context = Context.current().withValue(RpcCaller.CLIENT_ADDRESS, client);
        if (!isPublic(call)) {
            CurrentUser user;
            try {
                user = authenticate(headers);
            } catch (ApiException e) {
                logged.close(RpcStatus.of(e), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            logged.user = user.username();
            context = context.withValue(RpcCaller.USER, user);
        }
        return Contexts.interceptCall(context, logged, headers, next);
    }

    private CurrentUser authenticate(Metadata headers) {
        String header = headers.get(AUTHORIZATION);
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.substring(SCHEME.length()).isBlank()) {
            throw ApiException.unauthorized(MISSING_TOKEN);
        }
        return auth.authenticate(header.substring(SCHEME.length()).strip());
    }

    private static boolean isPublic(ServerCall<?, ?> call) {
        String method = call.getMethodDescriptor().getFullMethodName();
        return PUBLIC_METHODS.contains(method) || PUBLIC_SERVICES.contains(call.getMethodDescriptor().getServiceName());
    }

    private static String clientAddress(ServerCall<?, ?> call) {
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return remote == null ? null : remote.toString();
    }

    /** Logs the method, final status, duration, user and client when the call ends. */
    private static final class LoggedCall<Q, R> extends SimpleForwardingServerCall<Q, R> {

        private final long start = System.nanoTime();
        private final String client;
        private volatile String user;

        LoggedCall(ServerCall<Q, R> call, String client) {
            super(call);
            this.client = client;
        }

        @Override
        public void close(Status status, Metadata trailers) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            accessLog.info("gRPC {} {} {}ms user={} client={}", getMethodDescriptor().getFullMethodName(),
                    status.getCode(), millis, user == null ? "-" : user, client);
            super.close(status, trailers);
        }
    }
}
