package io.distributedjob.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.cron.InvalidScheduleException;
import io.distributedjob.cron.Schedule;
import io.distributedjob.cron.Schedules;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.record.RecordService;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Creates, changes, lists and fires tasks, within the caller's department scope. */
@Service
public class TaskService {

    /** Most tasks a list's total counts; beyond, the total says this many and pages are still served. */
    public static final int LIST_TOTAL_MAX = 10_000;

    private final TaskRepository repository;
    private final DepartmentScope scope;
    private final TaskEngine engine;
    private final RecordService records;
    private final TaskValidator validator;
    private final SecretHeaders secretHeaders;
    private final AuditLog audit;
    private final Clock clock;

    TaskService(TaskRepository repository, DepartmentScope scope, TaskEngine engine, RecordService records,
                TaskValidator validator, SecretHeaders secretHeaders, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.engine = engine;
        this.records = records;
        this.validator = validator;
        this.secretHeaders = secretHeaders;
        this.audit = audit;
        this.clock = clock;
    }

    public PageResult<TaskView> list(CurrentUser user, Long departmentId, String keyword, TaskType taskType,
                                     Integer status, PageQuery page) {
        return list(user, departmentId, keyword, taskType, status, null, page);
    }

    /**
     * Like {@link #list}; with {@code afterId} (the last id of the previous page) the page is the next
     * {@code size} tasks below it, read straight from the index however deep (an offset is read past row by row).
     */
    public PageResult<TaskView> list(CurrentUser user, Long departmentId, String keyword, TaskType taskType,
                                     Integer status, Long afterId, PageQuery page) {
        TaskFilter filter = filter(user, departmentId, keyword, taskType, status);
        if (filter == null) {
            return PageResult.of(List.of(), 0, page);
        }
        if (afterId != null && afterId < 1) {
            throw ApiException.invalid("afterId: must be a positive task id");
        }
        List<Task> tasks = repository.page(filter, afterId, page);
        return PageResult.of(views(user, tasks), repository.countUpTo(filter, LIST_TOTAL_MAX), page);
    }

    /** How many tasks {@link #list} would find in all. */
    public long count(CurrentUser user, Long departmentId, TaskType taskType, Integer status) {
        TaskFilter filter = filter(user, departmentId, null, taskType, status);
        return filter == null ? 0 : repository.count(filter);
    }

    /** The filter of a list request, or null when the caller's scope is empty. */
    TaskFilter filter(CurrentUser user, Long departmentId, String keyword, TaskType taskType, Integer status) {
        return TaskFilter.of(scope, user, departmentId, keyword, taskType, status);
    }

    public TaskView get(CurrentUser user, long id) {
        return view(user, find(user, id));
    }

    /** The task if it exists and lies in the caller's scope (404 / 403 otherwise). */
    public Task find(CurrentUser user, long id) {
        Task task = repository.find(id).orElseThrow(() -> ApiException.notFound("task " + id + " not found"));
        scope.requireAccess(user, task.definition().departmentId());
        return task;
    }

    TaskView create(CurrentUser user, TaskDefinition definition) {
        scope.requirePlacement(user, definition.departmentId(), "departmentId");
        Instant now = now();
        Instant next = definition.status() == TaskStatus.DISABLED ? null
                : firstFire(Schedules.parse(definition.cron(), ZoneId.of(definition.timezone()), now), now);
        long id = repository.insert(definition, next, user.id(), now);
        Task created = repository.find(id).orElseThrow();
        engine.taskChanged(created);
        return view(user, created);
    }

    /**
     * Creates a task given in the form of the REST create body ({@code POST /tasks/http} or {@code /tasks/grpc}),
     * audited as coming from {@code clientAddress}, whichever client sent it.
     */
    public TaskView create(CurrentUser user, String clientAddress, TaskType type, JsonNode body) {
        return create(user, clientAddress, type, body, UnaryOperator.identity());
    }

    /**
     * Like {@link #create(CurrentUser, String, TaskType, JsonNode)}, with a refusal put in the client's own terms
     * (the field names of its request) before it is audited and thrown.
     */
    public TaskView create(CurrentUser user, String clientAddress, TaskType type, JsonNode body,
                           UnaryOperator<ApiException> inClientTerms) {
        return audit.trackCreate(user, clientAddress, AuditLog.TASK, TaskView::id, () -> {
            try {
                return create(user, definition(type, body));
            } catch (ApiException e) {
                throw inClientTerms.apply(e);
            }
        });
    }

    /** Replaces a task's definition given in the form of the REST update body, audited. */
    public TaskView update(CurrentUser user, String clientAddress, long id, TaskType type, JsonNode body) {
        return audit.track(user, clientAddress, AuditLog.UPDATE, AuditLog.TASK, id,
                () -> update(user, id, type, definition(type, body)));
    }

    private TaskDefinition definition(TaskType type, JsonNode body) {
        return type == TaskType.HTTP ? validator.http(body) : validator.grpc(body);
    }

    private TaskView update(CurrentUser user, long id, TaskType type, TaskDefinition definition) {
        Task current = find(user, id);
        TaskType currentType = current.definition().taskType();
        if (currentType != type) {
            throw ApiException.invalid("taskType: task " + id + " is a " + currentType + " task");
        }
        scope.requirePlacement(user, definition.departmentId(), "departmentId");
        TaskDefinition stored = definition.withHeaders(secretHeaders.restore(definition.headers(), current.definition().headers()));
        Task draft = current.withDefinition(stored);
        Instant now = now();
        boolean rescheduled = !current.sameScheduleAs(draft);
        Instant next = rescheduled && draft.scheduled() ? firstFire(draft, now) : null;
        repository.update(id, stored, rescheduled, next, now);
        Task updated = repository.find(id).orElseThrow();
        engine.taskChanged(updated);
        return view(user, updated);
    }

    /** Sets the status (0 disabled, 1 enabled, 2 temporary), audited. */
    public TaskView changeStatus(CurrentUser user, String clientAddress, long id, TaskStatus status) {
        return audit.track(user, clientAddress, AuditLog.UPDATE, AuditLog.TASK, id,
                () -> view(user, applyStatus(find(user, id), status)));
    }

    /** Sets the status given in the form of the REST status body, audited (a body refused too). */
    TaskView changeStatus(CurrentUser user, String clientAddress, long id, JsonNode body) {
        return audit.track(user, clientAddress, AuditLog.UPDATE, AuditLog.TASK, id,
                () -> view(user, applyStatus(find(user, id), validator.status(body))));
    }

    /** Disables a scheduled task, audited; false when it was already disabled (then nothing changes). */
    public boolean pause(CurrentUser user, String clientAddress, long id) {
        return audit.track(user, clientAddress, AuditLog.UPDATE, AuditLog.TASK, id,
                () -> changedTo(find(user, id), TaskStatus.DISABLED, Task::scheduled));
    }

    /**
     * Enables a disabled task, audited; false when it was already scheduled (enabled or temporary: a temporary
     * task stays temporary).
     */
    public boolean resume(CurrentUser user, String clientAddress, long id) {
        return audit.track(user, clientAddress, AuditLog.UPDATE, AuditLog.TASK, id,
                () -> changedTo(find(user, id), TaskStatus.ENABLED, task -> !task.scheduled()));
    }

    private boolean changedTo(Task current, TaskStatus status, Predicate<Task> applies) {
        if (!applies.test(current)) {
            return false;
        }
        applyStatus(current, status);
        return true;
    }

    private Task applyStatus(Task current, TaskStatus status) {
        long id = current.id();
        Instant now = now();
        Task draft = current.withDefinition(current.definition().withStatus(status));
        Instant next = draft.scheduled() ? firstFire(draft, now) : null;
        repository.updateStatus(id, status, next, now);
        Task updated = repository.find(id).orElseThrow();
        engine.taskChanged(updated);
        return updated;
    }

    /** Deletes the task, audited. */
    public void delete(CurrentUser user, String clientAddress, long id) {
        audit.track(user, clientAddress, AuditLog.DELETE, AuditLog.TASK, id, () -> {
            find(user, id);
            repository.delete(id, now());
            engine.taskDeleted(id);
        });
    }

    /** Fires the task once now as it is stored, audited. */
    public TaskEngine.StartedFire run(CurrentUser user, String clientAddress, long id, TriggerType trigger) {
        return audit.track(user, clientAddress, AuditLog.RUN, AuditLog.TASK, id,
                () -> engine.runNow(find(user, id), trigger));
    }

    /**
     * Up to {@code count} fires still to come from now, on the schedule the engine follows (anchored at the task's
     * creation); a temporary task fires once, a disabled one never.
     */
    public List<Instant> upcomingFires(Task task, int count) {
        List<Instant> fires = new ArrayList<>();
        if (!task.scheduled()) {
            return fires;
        }
        int wanted = task.definition().status() == TaskStatus.TEMPORARY ? 1 : count;
        try {
            Schedule schedule = schedule(task);
            for (Instant next = schedule.next(clock.instant()); next != null && fires.size() < wanted;
                 next = schedule.next(next)) {
                fires.add(next);
            }
        } catch (InvalidScheduleException e) {
            return fires;
        }
        return fires;
    }

    /** The tasks as {@code viewer} may see them: secret header values only for those who may change the task. */
    private List<TaskView> views(CurrentUser viewer, List<Task> tasks) {
        Map<Long, Instant> last = records.lastExecuteTimes(tasks.stream().map(Task::id).toList());
        boolean showSecrets = viewer.has(Permissions.TASK_UPDATE);
        return tasks.stream().map(t -> TaskView.of(t, showSecrets ? t.definition().headers() : secretHeaders.mask(t.definition().headers()),
                last.get(t.id()), nextFire(t), clock.getZone())).toList();
    }

    private TaskView view(CurrentUser viewer, Task task) {
        return views(viewer, List.of(task)).getFirst();
    }

    /**
     * The next fire as a person expects it: the engine's cursor runs up to the look-ahead ahead of the next fire
     * (that one is already claimed), so it is recomputed from now unless the cursor is behind (catching up).
     */
    private Instant nextFire(Task task) {
        Instant cursor = task.cursor().nextExecuteTime();
        if (!task.scheduled() || cursor == null) {
            return null;
        }
        Instant now = now();
        if (!cursor.isAfter(now)) {
            return cursor;
        }
        try {
            Instant fromNow = schedule(task).next(now);
            return fromNow == null || fromNow.isAfter(cursor) ? cursor : fromNow;
        } catch (InvalidScheduleException e) {
            return cursor;
        }
    }

    /** The task's schedule, anchored at its creation as the engine anchors it. */
    private static Schedule schedule(Task task) {
        TaskDefinition d = task.definition();
        return Schedules.parse(d.cron(), ZoneId.of(d.timezone()), task.stamps().createTime());
    }

    private static Instant firstFire(Task task, Instant now) {
        return firstFire(schedule(task), now);
    }

    private static Instant firstFire(Schedule schedule, Instant now) {
        Instant next = schedule.next(now);
        if (next == null) {
            throw ApiException.invalid("cron: never fires");
        }
        return next;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
