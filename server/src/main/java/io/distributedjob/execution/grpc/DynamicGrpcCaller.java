package io.distributedjob.execution.grpc;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.distributedjob.targets.GrpcTarget;
import io.distributedjob.targets.TargetRefusedException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.springframework.stereotype.Component;

/**
 * Calls a unary method of any gRPC service: the schema comes from the target by reflection, the request is built
 * from the task's JSON parameters, and the response is returned as JSON with the call's status code. One deadline
 * covers the whole call, schema lookup included. Calls wait for a connection up to it, so a target that is
 * restarting is reached as soon as it is back.
 */
@Component
public class DynamicGrpcCaller {

    private final GrpcChannels channels;
    private final ReflectionSchemas schemas;

    public DynamicGrpcCaller(GrpcChannels channels, ReflectionSchemas schemas) {
        this.channels = channels;
        this.schemas = schemas;
    }

    /** What to call and how. */
    public record Call(String grpcService, String method, String jsonParams, boolean tls, Map<String, String> headers) {
    }

    /**
     * @param call    {@code grpcService} is {@code <target>/<package.Service>}; {@code jsonParams} the request
     *                message as JSON (empty or null for an empty message); {@code headers} metadata sent with it
     * @param timeout deadline of the whole call, schema lookup included
     */
    public GrpcCallResult call(Call call, Duration timeout) {
        Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        GrpcTarget target;
        try {
            target = GrpcTarget.parse(call.grpcService());
            channels.admit(target);
        } catch (IllegalArgumentException e) {
            return GrpcCallResult.failed(Status.INVALID_ARGUMENT.withDescription("grpcService " + e.getMessage()));
        } catch (TargetRefusedException e) {
            return GrpcCallResult.failed(Status.PERMISSION_DENIED.withDescription(e.getMessage()));
        } catch (UnknownHostException e) {
            return GrpcCallResult.failed(Status.UNAVAILABLE.withDescription("unknown host " + e.getMessage()));
        }
        Channel channel = ClientInterceptors.intercept(channels.channelFor(target, call.tls()),
                MetadataUtils.newAttachHeadersInterceptor(metadata(call.headers())));
        try {
            return GrpcCallResult.ok(invoke(channel, target, call, deadline));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                schemas.forget(target);
            }
            return GrpcCallResult.failed(e.getStatus());
        } catch (InvalidProtocolBufferException e) {
            return GrpcCallResult.failed(Status.INVALID_ARGUMENT.withDescription("grpcParams: " + e.getMessage()));
        }
    }

    private String invoke(Channel channel, GrpcTarget target, Call call, Deadline deadline)
            throws InvalidProtocolBufferException {
        ServiceDescriptor service = schemas.describe(channel, target, deadline);
        MethodDescriptor method = service.findMethodByName(call.method());
        if (method == null) {
            schemas.forget(target);
            throw Status.NOT_FOUND.withDescription("method " + call.method() + " not found in " + target.service())
                    .asRuntimeException();
        }
        if (method.isClientStreaming() || method.isServerStreaming()) {
            throw Status.INVALID_ARGUMENT.withDescription("only unary methods can be called, "
                    + method.getFullName() + " streams").asRuntimeException();
        }
        DynamicMessage.Builder request = DynamicMessage.newBuilder(method.getInputType());
        if (call.jsonParams() != null && !call.jsonParams().isBlank()) {
            JsonFormat.parser().merge(call.jsonParams(), request);
        }
        io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> unary = io.grpc.MethodDescriptor
                .<DynamicMessage, DynamicMessage>newBuilder()
                .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(target.service(), call.method()))
                .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
        DynamicMessage response = ClientCalls.blockingUnaryCall(channel, unary,
                CallOptions.DEFAULT.withWaitForReady().withDeadline(deadline), request.build());
        return JsonFormat.printer().omittingInsignificantWhitespace().print(response);
    }

    private static Metadata metadata(Map<String, String> headers) {
        Metadata metadata = new Metadata();
        headers.forEach((name, value) ->
                metadata.put(Metadata.Key.of(name.toLowerCase(), Metadata.ASCII_STRING_MARSHALLER), value));
        return metadata;
    }
}
