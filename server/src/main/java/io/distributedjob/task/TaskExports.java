package io.distributedjob.task;

import java.util.LinkedHashMap;
import java.util.Map;

import io.distributedjob.kernel.TaskType;

/** A stored task in the form of the create body, the form export writes and import reads. */
final class TaskExports {

    private TaskExports() {
    }

    static Map<String, Object> createFields(Task t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("taskType", t.taskType().name());
        fields.put("name", t.name());
        fields.put("description", t.description());
        fields.put("departmentId", t.departmentId());
        fields.put("cron", t.cron());
        fields.put("timezone", t.timezone());
        fields.put("status", t.status());
        fields.put("timeout", t.timeout());
        fields.put("retryCount", t.retryCount());
        fields.put("retryInterval", t.retryInterval());
        fields.put("misfirePolicy", t.misfirePolicy().name());
        fields.put("concurrencyPolicy", t.concurrencyPolicy().name());
        fields.put("crashPolicy", t.crashPolicy().name());
        if (t.taskType() == TaskType.HTTP) {
            fields.put("url", t.url());
            fields.put("httpMethod", t.httpMethod());
            fields.put("headers", t.headers());
            fields.put("body", t.body());
            fields.put("fallbackUrl", t.fallbackUrl());
        } else {
            fields.put("grpcService", t.grpcService());
            fields.put("grpcMethod", t.grpcMethod());
            fields.put("grpcParams", t.grpcParams());
            fields.put("fallbackGrpcService", t.fallbackGrpcService());
            fields.put("fallbackGrpcMethod", t.fallbackGrpcMethod());
            fields.put("grpcTls", t.grpcTls());
        }
        return fields;
    }

    /** The task's definition under another name, disabled: the start of a copy. */
    static TaskDefinition disabledCopy(Task t, String name) {
        return new TaskDefinition(name, t.description(), t.departmentId(), t.taskType(), t.cron(), t.timezone(),
                Task.DISABLED, t.timeout(), t.retryCount(), t.retryInterval(), t.url(), t.httpMethod(), t.headers(),
                t.body(), t.fallbackUrl(), t.grpcService(), t.grpcMethod(), t.grpcParams(), t.fallbackGrpcService(),
                t.fallbackGrpcMethod(), t.grpcTls(), t.misfirePolicy(), t.concurrencyPolicy(), t.crashPolicy());
    }
}
