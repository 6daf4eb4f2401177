package io.distributedjob.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a unary call ends: the answer, the status of a failure the client can act on, or a bare internal error. */
class UnaryCallTest {

    @Test
    void anAnswerIsSentAndTheCallCompleted() {
        Recorder<String> observer = new Recorder<>();

        UnaryCall.answer(observer, () -> "done");

        assertThat(observer.values).containsExactly("done");
        assertThat(observer.completed).isTrue();
        assertThat(observer.error).isNull();
    }

    @ParameterizedTest
    @CsvSource({"INVALID_PARAMETER, INVALID_ARGUMENT", "UNAUTHORIZED, UNAUTHENTICATED", "FORBIDDEN, PERMISSION_DENIED",
            "NOT_FOUND, NOT_FOUND", "CONFLICT, ALREADY_EXISTS", "TOO_MANY_REQUESTS, RESOURCE_EXHAUSTED",
            "PAYLOAD_TOO_LARGE, INVALID_ARGUMENT", "UNAVAILABLE, UNAVAILABLE", "INTERNAL_ERROR, INTERNAL"})
    void aFailureTheClientCanActOnKeepsItsMeaningAndMessage(ErrorCode error, Status.Code code) {
        Recorder<String> observer = new Recorder<>();

        UnaryCall.answer(observer, () -> {
            throw new ApiException(error, "field: what is wrong");
        });

        Status status = Status.fromThrowable(observer.error);
        assertThat(status.getCode()).isEqualTo(code);
        assertThat(status.getDescription()).isEqualTo("field: what is wrong");
        assertThat(observer.values).isEmpty();
        assertThat(observer.completed).isFalse();
    }

    @Test
    void anUnexpectedFailureAnswersInternalWithoutItsDetails() {
        Recorder<String> observer = new Recorder<>();

        UnaryCall.answer(observer, () -> {
            throw new IllegalStateException("connection to jdbc:mariadb://db:3306 refused");
        });

        assertThat(observer.error).isInstanceOf(StatusRuntimeException.class);
        Status status = Status.fromThrowable(observer.error);
        assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getDescription()).isEqualTo("internal error");
        assertThat(status.getCause()).isNull();
    }

    private static final class Recorder<T> implements StreamObserver<T> {

        final List<T> values = new ArrayList<>();
        Throwable error;
        boolean completed;

        @Override
        public void onNext(T value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }
}
