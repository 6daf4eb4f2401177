package io.distributedjob.execution.grpc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/**
 * Reads a target's service schemas through gRPC server reflection, so a task can call any service without its
 * stubs. A schema is cached per target and service until a call shows that it has changed.
 */
@Component
class ReflectionSchemas {

    private final Map<GrpcEndpoint, ServiceDescriptor> cache = new ConcurrentHashMap<>();

    ServiceDescriptor describe(Channel channel, GrpcEndpoint endpoint, Duration timeout) {
        ServiceDescriptor cached = cache.get(endpoint);
        if (cached != null) {
            return cached;
        }
        ServiceDescriptor fetched = fetch(channel, endpoint, timeout);
        cache.put(endpoint, fetched);
        return fetched;
    }

    void forget(GrpcEndpoint endpoint) {
        cache.remove(endpoint);
    }

    private static ServiceDescriptor fetch(Channel channel, GrpcEndpoint endpoint, Duration timeout) {
        Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
        addAll(files, ask(channel, timeout, ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol(endpoint.service()).build()));
        Deque<String> missing = new ArrayDeque<>();
        files.values().forEach(file -> missing.addAll(file.getDependencyList()));
        while (!missing.isEmpty()) {
            String name = missing.pop();
            if (files.containsKey(name)) {
                continue;
            }
            List<FileDescriptorProto> found = ask(channel, timeout,
                    ServerReflectionRequest.newBuilder().setFileByFilename(name).build());
            addAll(files, found);
            found.forEach(file -> missing.addAll(file.getDependencyList()));
        }
        Map<String, FileDescriptor> built = new HashMap<>();
        for (String name : files.keySet()) {
            FileDescriptor file = build(name, files, built);
            String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
            if (endpoint.service().startsWith(prefix)) {
                ServiceDescriptor service = file.findServiceByName(endpoint.service().substring(prefix.length()));
                if (service != null) {
                    return service;
                }
            }
        }
        throw Status.NOT_FOUND.withDescription("service " + endpoint.service() + " not described by the target")
                .asRuntimeException();
    }

    private static FileDescriptor build(String name, Map<String, FileDescriptorProto> files, Map<String, FileDescriptor> built) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = files.get(name);
        if (proto == null) {
            throw Status.NOT_FOUND.withDescription("the target did not describe " + name).asRuntimeException();
        }
        FileDescriptor[] dependencies = proto.getDependencyList().stream()
                .map(dependency -> build(dependency, files, built))
                .toArray(FileDescriptor[]::new);
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
            built.put(name, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw Status.INTERNAL.withDescription("invalid schema from the target: " + e.getMessage()).asRuntimeException();
        }
    }

    private static void addAll(Map<String, FileDescriptorProto> files, List<FileDescriptorProto> found) {
        found.forEach(file -> files.putIfAbsent(file.getName(), file));
    }

    /** One request on its own reflection stream; the answer's files, or the error the target gave. */
    private static List<FileDescriptorProto> ask(Channel channel, Duration timeout, ServerReflectionRequest request) {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withWaitForReady()
                .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
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
        ServerReflectionResponse response = await(answer, timeout);
        if (response.hasErrorResponse()) {
            throw Status.fromCodeValue(response.getErrorResponse().getErrorCode())
                    .withDescription(response.getErrorResponse().getErrorMessage()).asRuntimeException();
        }
        try {
            List<FileDescriptorProto> files = new java.util.ArrayList<>();
            for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                files.add(FileDescriptorProto.parseFrom(bytes));
            }
            return files;
        } catch (InvalidProtocolBufferException e) {
            throw Status.INTERNAL.withDescription("unreadable schema from the target").asRuntimeException();
        }
    }

    private static ServerReflectionResponse await(CompletableFuture<ServerReflectionResponse> answer, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
