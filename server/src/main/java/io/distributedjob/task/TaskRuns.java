package io.distributedjob.task;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.TriggerType;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs a task once now, optionally with overrides for that one fire; the stored definition stays as it is. */
@Service
public class TaskRuns {

    private final TaskService tasks;
    private final TaskEngine engine;
    private final RunOverridesReader reader;
    private final JsonMapper json;
    private final AuditLog audit;

    TaskRuns(TaskService tasks, TaskEngine engine, RunOverridesReader reader, JsonMapper json, AuditLog audit) {
        this.tasks = tasks;
        this.engine = engine;
        this.reader = reader;
        this.json = json;
        this.audit = audit;
    }

    /**
     * Fires the task with the overrides given in the form of the REST run body (null or {} for none), audited as
     * coming from {@code clientAddress}.
     */
    public TaskEngine.StartedFire run(CurrentUser user, String clientAddress, long id, TriggerType trigger,
                                      JsonNode overrides) {
        return audit.track(user, clientAddress, AuditLog.RUN, AuditLog.TASK, id, () -> {
            Task task = tasks.find(user, id);
            RunOverrides read = reader.read(overrides, task.definition().taskType());
            return engine.runNow(read.applyTo(task, json), trigger);
        });
    }
}
