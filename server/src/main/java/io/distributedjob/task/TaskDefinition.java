package io.distributedjob.task;

import java.util.Map;

import io.distributedjob.kernel.TaskType;
import tools.jackson.databind.json.JsonMapper;

/** A validated task definition as a client sent it, with defaults filled in, ready to store. */
public record TaskDefinition(
        String name,
        String description,
        long departmentId,
        TaskType taskType,
        String cron,
        String timezone,
        TaskStatus status,
        int timeout,
        int retryCount,
        int retryInterval,
        String url,
        String httpMethod,
        String headers,
        String body,
        String fallbackUrl,
        String grpcService,
        String grpcMethod,
        String grpcParams,
        String fallbackGrpcService,
        String fallbackGrpcMethod,
        boolean grpcTls,
        MisfirePolicy misfirePolicy,
        ConcurrencyPolicy concurrencyPolicy,
        CrashPolicy crashPolicy) {

    /** The request headers of an HTTP task or the metadata of a gRPC task, by name; empty when there are none. */
    public Map<String, String> headerValues(JsonMapper json) {
        return TargetHeaders.values(headers, json);
    }

    TaskDefinition withHeaders(String value) {
        return with(name, status, url, value, body, grpcParams);
    }

    TaskDefinition withStatus(TaskStatus value) {
        return with(name, value, url, headers, body, grpcParams);
    }

    /** This definition under another name, disabled: the start of a copy. */
    TaskDefinition disabledCopy(String copyName) {
        return with(copyName, TaskStatus.DISABLED, url, headers, body, grpcParams);
    }

    /** This definition with another request: what one manual fire may change. */
    TaskDefinition withRequest(String newUrl, String newHeaders, String newBody, String newGrpcParams) {
        return with(name, status, newUrl, newHeaders, newBody, newGrpcParams);
    }

    private TaskDefinition with(String newName, TaskStatus newStatus, String newUrl, String newHeaders,
                                String newBody, String newGrpcParams) {
        return new TaskDefinition(newName, description, departmentId, taskType, cron, timezone, newStatus, timeout,
                retryCount, retryInterval, newUrl, httpMethod, newHeaders, newBody, fallbackUrl, grpcService,
                grpcMethod, newGrpcParams, fallbackGrpcService, fallbackGrpcMethod, grpcTls, misfirePolicy,
                concurrencyPolicy, crashPolicy);
    }
}
