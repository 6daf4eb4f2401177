package io.distributedjob.rpc;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskService;
import io.distributedjob.task.TaskStatus;
import org.springframework.stereotype.Component;

/** How many tasks a department (or the caller's whole scope) holds, by status and by type. */
@Component
public class TaskCounts {

    private final TaskService tasks;

    TaskCounts(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Counts within {@code departmentId}, or within the caller's whole scope when it is null. */
    public Counts of(CurrentUser user, Long departmentId) {
        return new Counts(
                tasks.count(user, departmentId, null, null),
                tasks.count(user, departmentId, null, TaskStatus.ENABLED.code()),
                tasks.count(user, departmentId, null, TaskStatus.DISABLED.code()),
                tasks.count(user, departmentId, null, TaskStatus.TEMPORARY.code()),
                tasks.count(user, departmentId, TaskType.HTTP, null),
                tasks.count(user, departmentId, TaskType.GRPC, null));
    }

    public record Counts(long total, long enabled, long disabled, long temporary, long http, long grpc) {
    }
}
