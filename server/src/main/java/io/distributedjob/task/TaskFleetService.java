package io.distributedjob.task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.TaskType;
import org.springframework.stereotype.Service;

/** Work on tasks beyond one at a time: copies, bulk deletion, export. */
@Service
class TaskFleetService {

    /** Most ids one bulk deletion takes. */
    static final int BATCH_MAX = 1000;
    private static final String COPY_SUFFIX = " (copy)";

    private final TaskService tasks;
    private final TaskRepository repository;
    private final TaskFleetRepository fleet;
    private final DepartmentScope scope;

    TaskFleetService(TaskService tasks, TaskRepository repository, TaskFleetRepository fleet, DepartmentScope scope) {
        this.tasks = tasks;
        this.repository = repository;
        this.fleet = fleet;
        this.scope = scope;
    }

    /** A new disabled task with the definition of task {@code id} and a name no task carries yet. */
    TaskView copy(CurrentUser user, long id) {
        Task original = tasks.find(user, id);
        return tasks.create(user, original.definition().disabledCopy(freeCopyName(original.definition().name())));
    }

    private String freeCopyName(String name) {
        List<String> candidates = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            String suffix = n == 1 ? COPY_SUFFIX : " (copy " + n + ")";
            String base = name.length() + suffix.length() > TaskLimits.NAME_MAX
                    ? name.substring(0, TaskLimits.NAME_MAX - suffix.length()) : name;
            candidates.add(base + suffix);
        }
        Set<String> taken = fleet.namesTaken(candidates);
        return candidates.stream().filter(candidate -> !taken.contains(candidate)).findFirst()
                .orElseThrow(() -> ApiException.conflict("copyNamesTaken", Map.of("name", name), "name: "
                        + candidates.getLast() + " and every shorter copy name are taken; rename a copy first"));
    }

    /**
     * Deletes the tasks when every one that exists lies in the caller's scope (403 and nothing deleted otherwise);
     * answers per id whether it was deleted or not found.
     */
    List<Outcome> delete(CurrentUser user, List<Long> ids) {
        if (ids.isEmpty() || ids.size() > BATCH_MAX) {
            throw ApiException.invalid("ids: must hold between 1 and " + BATCH_MAX + " task ids");
        }
        Set<Long> distinct = new LinkedHashSet<>(ids);
        Set<Long> visible = scope.visibleDepartments(user);
        List<Optional<Task>> found = distinct.stream().map(repository::find).toList();
        List<Long> outside = found.stream().flatMap(Optional::stream)
                .filter(task -> !visible.contains(task.definition().departmentId())).map(Task::id).toList();
        if (!outside.isEmpty()) {
            throw ApiException.forbidden("ids: tasks " + outside + " lie outside your departments; nothing was deleted");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Optional<Task> task : found) {
            if (task.isEmpty()) {
                continue;
            }
            long id = task.get().id();
            tasks.delete(user, AuditLog.currentClientAddress(), id);
        }
        int i = 0;
        for (Long id : distinct) {
            outcomes.add(new Outcome(id, found.get(i++).isPresent() ? "DELETED" : "NOT_FOUND"));
        }
        return outcomes;
    }

    /** The visible tasks the list's filters find, in the form of the create body. */
    List<Map<String, Object>> export(CurrentUser user, Long departmentId, String keyword, TaskType taskType,
                                     Integer status) {
        TaskFilter filter = tasks.filter(user, departmentId, keyword, taskType, status);
        return filter == null ? List.of() : fleet.all(filter).stream().map(TaskExports::createFields).toList();
    }

    /** What became of one id of a bulk deletion: {@code DELETED} or {@code NOT_FOUND}. */
    record Outcome(long id, String outcome) {
    }
}
