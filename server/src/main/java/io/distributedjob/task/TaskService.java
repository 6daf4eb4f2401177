package io.distributedjob.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.cron.InvalidScheduleException;
import io.distributedjob.cron.Schedule;
import io.distributedjob.cron.Schedules;
import io.distributedjob.org.DepartmentScope;
import io.distributedjob.record.RecordService;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Creates, changes, lists and fires tasks, within the caller's department scope. */
@Service
public class TaskService {

    /** Most fire times one cron preview returns. */
    public static final int PREVIEW_MAX = 100;
    /** Most tasks a list's total counts; beyond, the total says this many and pages are still served. */
    public static final int LIST_TOTAL_MAX = 10_000;

    private final TaskRepository repository;
    private final DepartmentScope scope;
    private final TaskEngine engine;
    private final RecordService records;
    private final TaskValidator validator;
    private final SecretHeaders secretHeaders;
    private final Clock clock;

    TaskService(TaskRepository repository, DepartmentScope scope, TaskEngine engine, RecordService records,
                TaskValidator validator, SecretHeaders secretHeaders, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.engine = engine;
        this.records = records;
        this.validator = validator;
        this.secretHeaders = secretHeaders;
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
        Set<Long> departments;
        if (departmentId != null) {
            scope.requireAccess(user, departmentId);
            departments = Set.of(departmentId);
        } else {
            departments = scope.visibleDepartments(user);
        }
        if (status != null && (status < Task.DISABLED || status > Task.TEMPORARY)) {
            throw ApiException.invalid("status: must be 0, 1 or 2");
        }
        if (keyword != null && keyword.length() > TaskValidator.NAME_MAX) {
            throw ApiException.invalid("keyword: must be at most " + TaskValidator.NAME_MAX + " characters");
        }
        if (departments.isEmpty()) {
            return null;
        }
        return new TaskFilter(departments, keyword == null || keyword.isBlank() ? null : keyword.strip(),
                taskType, status);
    }

    public TaskView get(CurrentUser user, long id) {
        return view(user, find(user, id));
    }

    /** The task if it exists and lies in the caller's scope (404 / 403 otherwise). */
    public Task find(CurrentUser user, long id) {
        Task task = repository.find(id).orElseThrow(() -> ApiException.notFound("task " + id + " not found"));
        scope.requireAccess(user, task.departmentId());
        return task;
    }

    public TaskView create(CurrentUser user, TaskDefinition definition) {
        scope.requirePlacement(user, definition.departmentId(), "departmentId");
        Instant now = now();
        Instant next = definition.status() == Task.DISABLED ? null
                : firstFire(Schedules.parse(definition.cron(), ZoneId.of(definition.timezone()), now), now);
        long id = repository.insert(definition, next, user.id(), now);
        Task created = repository.find(id).orElseThrow();
        engine.taskChanged(created);
        return view(user, created);
    }

    /**
     * Creates a task given in the form of the REST create body ({@code POST /tasks/http} or {@code /tasks/grpc}),
     * with the same validation: for clients other than the REST API.
     */
    public TaskView create(CurrentUser user, TaskType type, JsonNode body) {
        return create(user, type == TaskType.HTTP ? validator.http(body) : validator.grpc(body));
    }

    /** Replaces a task's definition given in the form of the REST update body, with the same validation. */
    public TaskView update(CurrentUser user, long id, TaskType type, JsonNode body) {
        return update(user, id, type, type == TaskType.HTTP ? validator.http(body) : validator.grpc(body));
    }

    public TaskView update(CurrentUser user, long id, TaskType type, TaskDefinition definition) {
        Task current = find(user, id);
        if (current.taskType() != type) {
            throw ApiException.invalid("taskType: task " + id + " is a " + current.taskType() + " task");
        }
        scope.requirePlacement(user, definition.departmentId(), "departmentId");
        TaskDefinition stored = definition.withHeaders(secretHeaders.restore(definition.headers(), current.headers()));
        Task draft = withDefinition(current, stored);
        Instant now = now();
        boolean rescheduled = !current.sameScheduleAs(draft);
        Instant next = rescheduled && draft.scheduled() ? firstFire(draft, now) : null;
        repository.update(id, stored, rescheduled, next, now);
        Task updated = repository.find(id).orElseThrow();
        engine.taskChanged(updated);
        return view(user, updated);
    }

    public TaskView changeStatus(CurrentUser user, long id, int status) {
        Task current = find(user, id);
        Instant now = now();
        Task draft = withStatus(current, status);
        Instant next = draft.scheduled() ? firstFire(draft, now) : null;
        repository.updateStatus(id, status, next, now);
        Task updated = repository.find(id).orElseThrow();
        engine.taskChanged(updated);
        return view(user, updated);
    }

    public Task delete(CurrentUser user, long id) {
        Task task = find(user, id);
        repository.delete(id, now());
        engine.taskDeleted(id);
        return task;
    }

    public TaskEngine.StartedFire run(CurrentUser user, long id, TriggerType trigger) {
        return engine.runNow(find(user, id), trigger);
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
        int wanted = task.status() == Task.TEMPORARY ? 1 : count;
        try {
            Schedule schedule = schedule(task, task.createTime());
            for (Instant next = schedule.next(clock.instant()); next != null && fires.size() < wanted;
                 next = schedule.next(next)) {
                fires.add(next);
            }
        } catch (InvalidScheduleException e) {
            return fires;
        }
        return fires;
    }

    /** The next {@code count} fire times of {@code cron} in {@code timezone} (default: the server's zone). */
    public CronPreview preview(String cron, String timezone, Integer count) {
        int wanted = count == null ? 5 : count;
        if (wanted < 1 || wanted > PREVIEW_MAX) {
            throw ApiException.invalid("count: must be between 1 and " + PREVIEW_MAX);
        }
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? clock.getZone() : Schedules.zone(timezone);
        } catch (InvalidScheduleException e) {
            throw ApiException.invalid("timezone: " + e.getMessage());
        }
        Instant now = now();
        List<Instant> times = new ArrayList<>();
        String description;
        try {
            Schedule schedule = Schedules.parse(cron, zone, now);
            for (Instant next = schedule.next(now); next != null && times.size() < wanted; next = schedule.next(next)) {
                times.add(next);
            }
            description = Schedules.describe(cron);
        } catch (InvalidScheduleException e) {
            throw ApiException.invalid("cron: " + e.getMessage());
        }
        return new CronPreview(cron.strip(), zone.getId(),
                times.stream().map(t -> t.atZone(zone).toOffsetDateTime()).toList(), description);
    }

    /** The tasks as {@code viewer} may see them: secret header values only for those who may change the task. */
    private List<TaskView> views(CurrentUser viewer, List<Task> tasks) {
        Map<Long, Instant> last = records.lastExecuteTimes(tasks.stream().map(Task::id).toList());
        boolean showSecrets = viewer.has(Permissions.TASK_UPDATE);
        return tasks.stream().map(t -> TaskView.of(t, showSecrets ? t.headers() : secretHeaders.mask(t.headers()),
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
        Instant cursor = task.nextExecuteTime();
        if (!task.scheduled() || cursor == null) {
            return null;
        }
        Instant now = now();
        if (!cursor.isAfter(now)) {
            return cursor;
        }
        try {
            Instant fromNow = schedule(task, task.createTime()).next(now);
            return fromNow == null || fromNow.isAfter(cursor) ? cursor : fromNow;
        } catch (InvalidScheduleException e) {
            return cursor;
        }
    }

    private static Schedule schedule(Task task, Instant anchor) {
        return Schedules.parse(task.cron(), ZoneId.of(task.timezone()), anchor);
    }

    private static Instant firstFire(Task task, Instant now) {
        return firstFire(schedule(task, task.createTime()), now);
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

    private static Task withDefinition(Task t, TaskDefinition d) {
        return new Task(t.id(), d.name(), d.description(), d.departmentId(), d.taskType(), d.cron(), d.timezone(),
                d.status(), d.timeout(), d.retryCount(), d.retryInterval(), d.url(), d.httpMethod(), d.headers(),
                d.body(), d.fallbackUrl(), d.grpcService(), d.grpcMethod(), d.grpcParams(), d.fallbackGrpcService(),
                d.fallbackGrpcMethod(), d.grpcTls(), d.misfirePolicy(), d.concurrencyPolicy(), d.crashPolicy(), t.nextExecuteTime(), t.version(),
                t.creatorId(), t.createTime(), t.updateTime());
    }

    private static Task withStatus(Task t, int status) {
        return new Task(t.id(), t.name(), t.description(), t.departmentId(), t.taskType(), t.cron(), t.timezone(),
                status, t.timeout(), t.retryCount(), t.retryInterval(), t.url(), t.httpMethod(), t.headers(), t.body(),
                t.fallbackUrl(), t.grpcService(), t.grpcMethod(), t.grpcParams(), t.fallbackGrpcService(),
                t.fallbackGrpcMethod(), t.grpcTls(), t.misfirePolicy(), t.concurrencyPolicy(), t.crashPolicy(), t.nextExecuteTime(), t.version(),
                t.creatorId(), t.createTime(), t.updateTime());
    }
}
