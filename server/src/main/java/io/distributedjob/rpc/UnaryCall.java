package io.distributedjob.rpc;

import java.util.function.Supplier;

import io.distributedjob.kernel.ApiException;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a unary call with what {@code handler} returns, or ends it with the status of the failure: an
 * {@link ApiException} keeps its meaning and message, anything else is logged here and answers INTERNAL.
 */
final class UnaryCall {

    private static final Logger log = LoggerFactory.getLogger(UnaryCall.class);

    private UnaryCall() {
    }

    static <T> void answer(StreamObserver<T> observer, Supplier<T> handler) {
        T response;
        try {
            response = handler.get();
        } catch (ApiException e) {
            observer.onError(RpcStatus.of(e).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            log.error("gRPC call failed", e);
            observer.onError(RpcStatus.internal().asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}
