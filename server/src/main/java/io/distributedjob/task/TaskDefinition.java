package io.distributedjob.task;

import io.distributedjob.kernel.TaskType;

/** A validated task definition as a client sent it, with defaults filled in, ready to store. */
record TaskDefinition(
        String name,
        String description,
        long departmentId,
        TaskType taskType,
        String cron,
        String timezone,
        int status,
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

    TaskDefinition withHeaders(String value) {
        return new TaskDefinition(name, description, departmentId, taskType, cron, timezone, status, timeout,
                retryCount, retryInterval, url, httpMethod, value, body, fallbackUrl, grpcService, grpcMethod,
                grpcParams, fallbackGrpcService, fallbackGrpcMethod, grpcTls, misfirePolicy, concurrencyPolicy, crashPolicy);
    }
}
