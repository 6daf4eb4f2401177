package io.distributedjob.execution.grpc;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.distributedjob.config.JobSettings;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.targets.GrpcTarget;
import io.distributedjob.targets.TargetRefusedException;
import io.distributedjob.task.GrpcTargets;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import org.springframework.stereotype.Component;

/**
 * The task form's view of gRPC targets, through the same channels, target policy, reflection and caller as the
 * fires, so that what the form lists and test-calls is what a task will reach.
 */
@Component
class ReflectionTargets implements GrpcTargets {

    private static final String FIELD = "grpcService";

    private final GrpcChannels channels;
    private final ReflectionSchemas schemas;
    private final DynamicGrpcCaller caller;
    private final int responseMaxBytes;

    ReflectionTargets(GrpcChannels channels, ReflectionSchemas schemas, DynamicGrpcCaller caller, JobSettings settings) {
        this.channels = channels;
        this.schemas = schemas;
        this.caller = caller;
        this.responseMaxBytes = settings.responseMaxBytes();
    }

    @Override
    public List<ServiceMethods> describe(String grpcService, boolean tls, Duration timeout) {
        GrpcTarget target = admitted(targetOf(grpcService));
        Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return schemas.describeAll(channels.channelFor(target, tls), target, deadline).stream()
                    .map(ReflectionTargets::methods).toList();
        } catch (StatusRuntimeException e) {
            throw undescribed(target, e.getStatus(), timeout);
        }
    }

    @Override
    public TestCall call(String grpcService, String method, String jsonParams, Map<String, String> metadata,
                         boolean tls, Duration timeout) {
        admitted(parsed(grpcService));
        long start = System.nanoTime();
        GrpcCallResult result = caller.call(new DynamicGrpcCaller.Call(grpcService, method, jsonParams, tls, metadata),
                timeout);
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new TestCall(result.success(), result.statusCode(), Status.fromCodeValue(result.statusCode()).getCode().name(),
                durationMs, result.responseCutTo(responseMaxBytes), result.error());
    }

    /** {@code <target>/<package.Service>}, or a bare {@code <target>}: the services are listed either way. */
    private static GrpcTarget targetOf(String grpcService) {
        try {
            return GrpcTarget.parse(grpcService);
        } catch (IllegalArgumentException e) {
            return parsed(grpcService + "/" + ServerReflectionGrpc.SERVICE_NAME);
        }
    }

    private static GrpcTarget parsed(String grpcService) {
        try {
            return GrpcTarget.parse(grpcService);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** The target if the policy admits every one of its servers, checked before any connection. */
    private GrpcTarget admitted(GrpcTarget target) {
        try {
            channels.admit(target);
            return target;
        } catch (TargetRefusedException e) {
            throw invalid(e.getMessage());
        } catch (UnknownHostException e) {
            throw invalid("unknown host " + e.getMessage());
        }
    }

    private static ApiException undescribed(GrpcTarget target, Status status, Duration timeout) {
        String why = switch (status.getCode()) {
            case DEADLINE_EXCEEDED -> "no answer within " + timeout.toSeconds() + " s";
            case UNIMPLEMENTED -> "it does not offer server reflection";
            default -> status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        };
        return invalid("cannot list the methods of " + target.target() + ": " + why);
    }

    private static ApiException invalid(String reason) {
        return ApiException.invalidField(FIELD, "grpcService", Map.of("reason", reason), reason);
    }

    private static ServiceMethods methods(ServiceDescriptor service) {
        return new ServiceMethods(service.getFullName(), service.getMethods().stream().map(ReflectionTargets::method).toList());
    }

    private static Method method(MethodDescriptor method) {
        boolean unary = !method.isClientStreaming() && !method.isServerStreaming();
        return new Method(method.getName(), method.getInputType().getFullName(), method.getOutputType().getFullName(),
                method.isClientStreaming(), method.isServerStreaming(), unary, RequestTemplates.of(method.getInputType()));
    }
}
