package io.distributedjob.rpc;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.distributedjob.auth.AuthService;
import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.cron.InvalidScheduleException;
import io.distributedjob.cron.Schedules;
import io.distributedjob.org.DepartmentService;
import io.distributedjob.org.DepartmentView;
import io.distributedjob.record.RecordFilter;
import io.distributedjob.record.RecordService;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskService;
import io.distributedjob.task.TaskView;
import io.distributedjob.user.UserService;
import io.distributedjob.user.UserView;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents of GetModelContext. Each names the object ({@code modelId}, {@code type}), carries it as the
 * REST API shows it, and adds its runtime state. Parts come with the permission that would show them over REST:
 * a task needs {@code task:view}, its executions and statistics {@code record:view}; a department needs only to be
 * in scope, its task counts {@code task:view}, its user count {@code user:manage}, its executions
 * {@code record:view}; a user other than oneself needs {@code user:manage}. Statistics cover every month of
 * records kept.
 */
@Component
public class ModelContexts {

    /** Upcoming fire times and latest executions listed in a context. */
    static final int RECENT = 5;

    private static final Pattern MODEL_ID = Pattern.compile("(task|department|user):(\\d{1,18})");
    private static final String MODEL_ID_FORMAT = "model_id: must be task:<id>, department:<id> or user:<id>";

    private final TaskService tasks;
    private final RecordService records;
    private final DepartmentService departments;
    private final UserService users;
    private final AuthService auth;
    private final TaskCounts taskCounts;
    private final JsonMapper json;
    private final Clock clock;

    ModelContexts(TaskService tasks, RecordService records, DepartmentService departments, UserService users,
                  AuthService auth, TaskCounts taskCounts, JsonMapper json, Clock clock) {
        this.tasks = tasks;
        this.records = records;
        this.departments = departments;
        this.users = users;
        this.auth = auth;
        this.taskCounts = taskCounts;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The context of the object {@code modelId} names ({@code task:<id>}, {@code department:<id>} or
     * {@code user:<id>}); 400/4001 for any other id.
     */
    public String of(CurrentUser user, String modelId) {
        Matcher id = MODEL_ID.matcher(modelId == null ? "" : modelId.strip().toLowerCase(Locale.ROOT));
        if (!id.matches() || Long.parseLong(id.group(2)) == 0) {
            throw ApiException.invalid(MODEL_ID_FORMAT);
        }
        long objectId = Long.parseLong(id.group(2));
        return switch (id.group(1)) {
            case "task" -> task(user, objectId);
            case "department" -> department(user, objectId);
            default -> user(user, objectId);
        };
    }

    /** The task's configuration and times, its next fire times, and (with record:view) its executions. */
    private String task(CurrentUser user, long id) {
        if (!user.has(Permissions.TASK_VIEW)) {
            throw ApiException.forbidden("this needs the permission " + Permissions.TASK_VIEW);
        }
        Task task = tasks.find(user, id);
        TaskView view = tasks.get(user, id);
        ObjectNode context = header("task:" + id, "task");
        context.set("task", json.valueToTree(view));
        ObjectNode schedule = context.putObject("schedule");
        schedule.put("cron", task.definition().cron());
        schedule.put("timezone", task.definition().timezone());
        schedule.put("description", describe(task.definition().cron()));
        schedule.put("scheduled", task.scheduled());
        schedule.set("nextFireTimes",
                json.valueToTree(tasks.upcomingFires(task, RECENT).stream().map(this::format).toList()));
        if (user.has(Permissions.RECORD_VIEW)) {
            addExecutions(context, new RecordFilter(Set.of(task.definition().departmentId()), id, null, null));
        }
        return json.writeValueAsString(context);
    }

    /** The department, and what it holds: task counts, user count and executions, as the caller may see them. */
    private String department(CurrentUser user, long id) {
        DepartmentView view = departments.get(user, id);
        ObjectNode context = header("department:" + id, "department");
        context.set("department", json.valueToTree(view));
        if (user.has(Permissions.TASK_VIEW)) {
            context.set("tasks", json.valueToTree(taskCounts.of(user, id)));
        }
        if (user.has(Permissions.USER_MANAGE)) {
            context.putObject("users").put("total", users.list(user, id, null, PageQuery.of(1, 1)).total());
        }
        if (user.has(Permissions.RECORD_VIEW)) {
            addExecutions(context, new RecordFilter(Set.of(id), null, null, null));
        }
        return json.writeValueAsString(context);
    }

    /** The user's profile and the permissions their role grants now. */
    private String user(CurrentUser caller, long id) {
        if (id != caller.id() && !caller.has(Permissions.USER_MANAGE)) {
            throw ApiException.forbidden("another user's context needs the permission " + Permissions.USER_MANAGE);
        }
        UserView view = users.get(caller, id);
        ObjectNode context = header("user:" + id, "user");
        context.set("user", json.valueToTree(view));
        context.set("permissions", json.valueToTree(auth.permissionsOf(id).stream().sorted().toList()));
        return json.writeValueAsString(context);
    }

    private ObjectNode header(String modelId, String type) {
        ObjectNode context = json.createObjectNode();
        context.put("modelId", modelId);
        context.put("type", type);
        context.put("generatedAt", format(clock.instant()));
        return context;
    }

    private void addExecutions(ObjectNode context, RecordFilter filter) {
        context.set("statistics", json.valueToTree(records.totals(filter, null, null)));
        context.set("lastExecutions", json.valueToTree(records.history(filter, null, null, RECENT, 0).records()));
    }

    private static String describe(String cron) {
        try {
            return Schedules.describe(cron);
        } catch (InvalidScheduleException e) {
            return cron;
        }
    }

    private String format(Instant instant) {
        return RpcTimes.format(instant, clock.getZone());
    }
}
