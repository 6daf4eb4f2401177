package io.distributedjob.execution.grpc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.distributedjob.config.JobSettings;
import io.distributedjob.execution.Fire;
import io.distributedjob.execution.HttpTaskExecutor;
import io.distributedjob.execution.RetryWithFallback.Attempt;
import io.distributedjob.execution.RetryWithFallback.Target;
import io.distributedjob.execution.TaskExecutor;
import io.distributedjob.execution.TraceHeaders;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.task.Task;
import io.grpc.Status;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs gRPC tasks: the task's method of its service, with {@code grpcParams} as the request, its timeout as the
 * deadline of each call (schema lookup included; past it the call is cancelled and the attempt timed out), the
 * task's {@code headers} as metadata and the fire id as {@code x-dj-fire-id} with the attempt's {@code traceparent};
 * or the fallback service/method, with the same metadata, when the fire executor asks, as for HTTP tasks (task
 * validation makes the fallback service and method go together, and keeps the scheduler's keys out of a task's).
 */
@Component
public class GrpcTaskExecutor implements TaskExecutor {

    private final DynamicGrpcCaller caller;
    private final JsonMapper json;
    private final int responseMaxBytes;

    public GrpcTaskExecutor(DynamicGrpcCaller caller, JsonMapper json, JobSettings settings) {
        this.caller = caller;
        this.json = json;
        this.responseMaxBytes = settings.responseMaxBytes();
    }

    @Override
    public TaskType type() {
        return TaskType.GRPC;
    }

    @Override
    public boolean hasFallback(Task task) {
        return task.definition().fallbackGrpcService() != null;
    }

    @Override
    public Attempt call(Fire fire, Target target) {
        Task task = fire.task();
        return target == Target.PRIMARY ? call(fire, task.definition().grpcService(), task.definition().grpcMethod())
                : call(fire, task.definition().fallbackGrpcService(), task.definition().fallbackGrpcMethod());
    }

    @Override
    public String address(Task task, Target target) {
        return target == Target.PRIMARY ? task.definition().grpcService() + "/" + task.definition().grpcMethod()
                : task.definition().fallbackGrpcService() + "/" + task.definition().fallbackGrpcMethod();
    }

    private Attempt call(Fire fire, String service, String method) {
        Task task = fire.task();
        Map<String, String> metadata = new LinkedHashMap<>(task.definition().headerValues(json));
        metadata.put(HttpTaskExecutor.FIRE_ID_HEADER, fire.fireId());
        TraceHeaders.addTo(metadata);
        GrpcCallResult result = caller.call(new DynamicGrpcCaller.Call(service, method, task.definition().grpcParams(), task.definition().grpcTls(),
                metadata), Duration.ofSeconds(task.definition().timeout()));
        String error = result.statusCode() == Status.Code.DEADLINE_EXCEEDED.value()
                ? "timed out after " + task.definition().timeout() + " s" : result.error();
        return new Attempt(result.success(), result.statusCode(), result.responseCutTo(responseMaxBytes), error);
    }
}
