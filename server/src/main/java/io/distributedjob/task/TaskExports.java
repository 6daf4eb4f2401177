package io.distributedjob.task;

import java.util.LinkedHashMap;
import java.util.Map;

import io.distributedjob.kernel.TaskType;

/** A stored task in the form of the create body, the form export writes and import reads. */
final class TaskExports {

    private TaskExports() {
    }

    static Map<String, Object> createFields(Task task) {
        TaskDefinition t = task.definition();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("taskType", t.taskType().name());
        fields.put("name", t.name());
        fields.put("description", t.description());
        fields.put("departmentId", t.departmentId());
        fields.put("cron", t.cron());
        fields.put("timezone", t.timezone());
        fields.put("status", t.status().code());
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
            fields.put("headers", t.headers());
            fields.put("fallbackGrpcService", t.fallbackGrpcService());
            fields.put("fallbackGrpcMethod", t.fallbackGrpcMethod());
            fields.put("grpcTls", t.grpcTls());
        }
        return fields;
    }
}
