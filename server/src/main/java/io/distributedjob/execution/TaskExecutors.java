package io.distributedjob.execution;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.distributedjob.kernel.TaskType;
import org.springframework.stereotype.Component;

/** The executor of each task type; a type with none fails its fires with a clear reason. */
@Component
public class TaskExecutors {

    private final Map<TaskType, TaskExecutor> byType = new EnumMap<>(TaskType.class);

    public TaskExecutors(List<TaskExecutor> executors) {
        for (TaskExecutor executor : executors) {
            byType.put(executor.type(), executor);
        }
    }

    /** The executor of {@code type}, or null when this server has none. */
    TaskExecutor of(TaskType type) {
        return byType.get(type);
    }

    static String unavailable(TaskType type) {
        return type.name().replace("GRPC", "gRPC") + " executor not available";
    }
}
