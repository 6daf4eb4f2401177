package io.distributedjob.execution.grpc;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.springframework.stereotype.Component;

/**
 * Calls a unary method of any gRPC service: the schema comes from the target by reflection, the request is built
 * from the task's JSON parameters, and the response is returned as JSON with the call's status code. Calls wait
 * for a connection up to their deadline, so a target that is restarting is reached as soon as it is back.
 */
@Component
public class DynamicGrpcCaller {

    private final GrpcChannels channels;
    private final ReflectionSchemas schemas;

    public DynamicGrpcCaller(GrpcChannels channels, ReflectionSchemas schemas) {
        this.channels = channels;
        this.schemas = schemas;
    }

    /**
     * @param grpcService {@code <target>/<package.Service>}
     * @param method      method name within the service
     * @param jsonParams  the request message as JSON (empty or null for an empty message)
     * @param timeout     deadline of the whole call, schema lookup included
     * @param headers     metadata sent with the call
     */
    public GrpcCallResult call(String grpcService, String method, String jsonParams, Duration timeout,
                               Map<String, String> headers) {
        GrpcEndpoint endpoint;
        try {
            endpoint = GrpcEndpoint.parse(grpcService);
        } catch (IllegalArgumentException e) {
            return GrpcCallResult.failed(Status.INVALID_ARGUMENT.withDescription("grpcService " + e.getMessage()));
        }
        Channel channel = ClientInterceptors.intercept(channels.channelFor(endpoint),
                MetadataUtils.newAttachHeadersInterceptor(metadata(headers)));
        try {
            return GrpcCallResult.ok(invoke(channel, endpoint, method, jsonParams, timeout));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                schemas.forget(endpoint);
            }
            return GrpcCallResult.failed(e.getStatus());
        } catch (InvalidProtocolBufferException e) {
            return GrpcCallResult.failed(Status.INVALID_ARGUMENT.withDescription("grpcParams: " + e.getMessage()));
        }
    }

    private String invoke(Channel channel, GrpcEndpoint endpoint, String methodName, String jsonParams, Duration timeout)
            throws InvalidProtocolBufferException {
        ServiceDescriptor service = schemas.describe(channel, endpoint, timeout);
        MethodDescriptor method = service.findMethodByName(methodName);
        if (method == null) {
            schemas.forget(endpoint);
            throw Status.NOT_FOUND.withDescription("method " + methodName + " not found in " + endpoint.service())
                    .asRuntimeException();
        }
        if (method.isClientStreaming() || method.isServerStreaming()) {
            throw Status.INVALID_ARGUMENT.withDescription("only unary methods can be called, "
                    + method.getFullName() + " streams").asRuntimeException();
        }
        DynamicMessage.Builder request = DynamicMessage.newBuilder(method.getInputType());
        if (jsonParams != null && !jsonParams.isBlank()) {
            JsonFormat.parser().merge(jsonParams, request);
        }
        io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> call = io.grpc.MethodDescriptor
                .<DynamicMessage, DynamicMessage>newBuilder()
                .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(endpoint.service(), methodName))
                .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
        DynamicMessage response = ClientCalls.blockingUnaryCall(channel, call,
                CallOptions.DEFAULT.withWaitForReady().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS),
                request.build());
        return JsonFormat.printer().omittingInsignificantWhitespace().print(response);
    }

    private static Metadata metadata(Map<String, String> headers) {
        Metadata metadata = new Metadata();
        headers.forEach((name, value) ->
                metadata.put(Metadata.Key.of(name.toLowerCase(), Metadata.ASCII_STRING_MARSHALLER), value));
        return metadata;
    }
}
