package io.distributedjob.execution.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Channel;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;

/** Questions to a target's reflection service, every one within the same deadline. */
final class ReflectionStream {

    private final Channel channel;
    private final Deadline deadline;

    ReflectionStream(Channel channel, Deadline deadline) {
        this.channel = channel;
        this.deadline = deadline;
    }

    /** One request on its own reflection stream; the answer's files, or the error the target gave. */
    List<FileDescriptorProto> ask(ServerReflectionRequest request) {
        ServerReflectionResponse response = answer(request);
        try {
            List<FileDescriptorProto> files = new ArrayList<>();
            for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                files.add(FileDescriptorProto.parseFrom(bytes));
            }
            return files;
        } catch (InvalidProtocolBufferException e) {
            throw Status.INTERNAL.withDescription("unreadable schema from the target").asRuntimeException();
        }
    }

    /** The fully qualified names of the services the target offers, as its reflection service lists them. */
    List<String> services() {
        ServerReflectionResponse response = answer(ServerReflectionRequest.newBuilder().setListServices("").build());
        return response.getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
    }

    private ServerReflectionResponse answer(ServerReflectionRequest request) {
        if (deadline.isExpired()) {
            throw Status.DEADLINE_EXCEEDED.withDescription("no reflection answer in time").asRuntimeException();
        }
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withWaitForReady()
                .withDeadline(deadline)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        answer.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(Status.UNAVAILABLE
                                .withDescription("reflection stream closed without an answer").asRuntimeException());
                    }
                });
        requests.onNext(request);
        requests.onCompleted();
        ServerReflectionResponse response = await(answer);
        if (response.hasErrorResponse()) {
            throw Status.fromCodeValue(response.getErrorResponse().getErrorCode())
                    .withDescription(response.getErrorResponse().getErrorMessage()).asRuntimeException();
        }
        return response;
    }

    private ServerReflectionResponse await(CompletableFuture<ServerReflectionResponse> answer) {
        try {
            return answer.get(deadline.timeRemaining(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StatusRuntimeException status ? status
                    : Status.UNAVAILABLE.withCause(e.getCause()).asRuntimeException();
        } catch (TimeoutException e) {
            throw Status.DEADLINE_EXCEEDED.withDescription("no reflection answer in time").asRuntimeException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
    }
}
