package io.distributedjob.rpc;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.org.DepartmentService;
import io.distributedjob.org.DepartmentView;
import io.distributedjob.record.RecordFilter;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.RecordSlice;
import io.distributedjob.record.RecordTotals;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordView;
import io.distributedjob.rpc.proto.data.DataServiceGrpc;
import io.distributedjob.rpc.proto.data.Department;
import io.distributedjob.rpc.proto.data.DepartmentListRequest;
import io.distributedjob.rpc.proto.data.DepartmentListResponse;
import io.distributedjob.rpc.proto.data.TaskHistoryRecord;
import io.distributedjob.rpc.proto.data.TaskHistoryRequest;
import io.distributedjob.rpc.proto.data.TaskHistoryResponse;
import io.distributedjob.rpc.proto.data.TaskStatisticsRequest;
import io.distributedjob.rpc.proto.data.TaskStatisticsResponse;
import io.distributedjob.rpc.proto.data.UserInfo;
import io.distributedjob.rpc.proto.data.UserListRequest;
import io.distributedjob.rpc.proto.data.UserListResponse;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskService;
import io.distributedjob.user.UserService;
import io.distributedjob.user.UserView;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/**
 * The spec's {@code data.DataService}: execution history and statistics ({@code record:view}), users
 * ({@code user:manage}) and departments (any login), all within the caller's department scope. Proto3 zeros mean
 * "not given": page 1, size 10, limit 10, the caller's whole scope.
 */
@Service
class DataRpcService extends DataServiceGrpc.DataServiceImplBase {

    private final RecordService records;
    private final TaskService tasks;
    private final UserService users;
    private final DepartmentService departments;
    private final DepartmentDirectory directory;
    private final DepartmentScope scope;
    private final TaskCounts taskCounts;
    private final Clock clock;

    DataRpcService(RecordService records, TaskService tasks, UserService users, DepartmentService departments,
                   DepartmentDirectory directory, DepartmentScope scope, TaskCounts taskCounts, Clock clock) {
        this.records = records;
        this.tasks = tasks;
        this.users = users;
        this.departments = departments;
        this.directory = directory;
        this.scope = scope;
        this.taskCounts = taskCounts;
        this.clock = clock;
    }

    /**
     * Records of one task ({@code task_id}) or of every task in scope ({@code task_id} 0), latest scheduled first,
     * within {@code year}/{@code month} or [{@code start_time}, {@code end_time}) of their scheduled time (an end
     * left empty is open; neither given: every month kept). {@code execute_time} is when the execution started.
     */
    @Override
    public void getTaskHistory(TaskHistoryRequest request, StreamObserver<TaskHistoryResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.RECORD_VIEW);
            int limit = request.getLimit() == 0 ? PageQuery.DEFAULT_SIZE : request.getLimit();
            if (limit < 1 || limit > PageQuery.MAX_SIZE) {
                throw ApiException.invalid("limit: must be between 1 and " + PageQuery.MAX_SIZE);
            }
            if (request.getOffset() < 0) {
                throw ApiException.invalid("offset: must be 0 or more");
            }
            Window window = historyWindow(request);
            RecordFilter filter = request.getTaskId() == 0
                    ? new RecordFilter(scope.visibleDepartments(user), null, null, null)
                    : taskFilter(user, request.getTaskId());
            RecordSlice slice = records.history(filter, window.from(), window.to(), limit, request.getOffset());
            TaskHistoryResponse.Builder response = TaskHistoryResponse.newBuilder()
                    .setSuccess(true).setTotal(slice.total()).setMessage(slice.records().size() + " of " + slice.total() + " records");
            slice.records().forEach(record -> response.addRecords(historyRecord(record)));
            return response.build();
        });
    }

    /** Users of {@code department_id} (0: every department in scope), a page at a time. */
    @Override
    public void getUserList(UserListRequest request, StreamObserver<UserListResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.USER_MANAGE);
            Long departmentId = optionalId("department_id", request.getDepartmentId());
            PageResult<UserView> page = users.list(user, departmentId, null, page(request.getPage(), request.getSize()));
            UserListResponse.Builder response = UserListResponse.newBuilder()
                    .setSuccess(true).setTotal(page.total()).setMessage(page.list().size() + " of " + page.total() + " users");
            page.list().forEach(view -> response.addUsers(userInfo(view)));
            return response.build();
        });
    }

    /** The departments in the caller's scope, by id, a page at a time. */
    @Override
    public void getDepartmentList(DepartmentListRequest request, StreamObserver<DepartmentListResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.user();
            PageQuery page = page(request.getPage(), request.getSize());
            List<DepartmentView> visible = departments.list(user, null);
            List<DepartmentView> shown = visible.stream().skip(page.offset()).limit(page.size()).toList();
            DepartmentListResponse.Builder response = DepartmentListResponse.newBuilder()
                    .setSuccess(true).setTotal(visible.size())
                    .setMessage(shown.size() + " of " + visible.size() + " departments");
            shown.forEach(view -> response.addDepartments(Department.newBuilder()
                    .setId(view.id())
                    .setName(view.name())
                    .setDescription(view.description() == null ? "" : view.description())
                    .setCreateTime(RpcTimes.format(view.createTime()))));
            return response.build();
        });
    }

    /**
     * Tasks and executions of {@code department_id} (0: the caller's whole scope): {@code task_count} tasks now,
     * {@code success_rate} in percent and {@code avg_execution_time} in ms over the records scheduled within
     * [{@code start_time}, {@code end_time}) (an empty end is open: by default every month kept).
     * {@code execution_stats} holds those figures and more, see {@link ExecutionStats}.
     */
    @Override
    public void getTaskStatistics(TaskStatisticsRequest request, StreamObserver<TaskStatisticsResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.RECORD_VIEW);
            Long departmentId = optionalId("department_id", request.getDepartmentId());
            Set<Long> selected;
            if (departmentId == null) {
                selected = scope.visibleDepartments(user);
            } else {
                // to a scoped caller an unknown department looks like a foreign one
                if (scope.seesEverything(user) && !directory.exists(departmentId)) {
                    throw ApiException.notFound("department " + departmentId + " not found");
                }
                scope.requireAccess(user, departmentId);
                selected = Set.of(departmentId);
            }
            Window window = window(request.getStartTime(), request.getEndTime());
            RecordTotals totals = records.totals(new RecordFilter(selected, null, null, null), window.from(), window.to());
            TaskCounts.Counts counts = taskCounts.of(user, departmentId);
            return TaskStatisticsResponse.newBuilder()
                    .setSuccess(true)
                    .setTaskCount((int) Math.min(counts.total(), Integer.MAX_VALUE))
                    .setSuccessRate((float) totals.successRate())
                    .setAvgExecutionTime((float) totals.avgCostTime())
                    .putAllExecutionStats(ExecutionStats.of(totals, counts))
                    .setMessage(totals.total() + " executions of " + counts.total() + " tasks")
                    .build();
        });
    }

    private RecordFilter taskFilter(CurrentUser user, long taskId) {
        if (taskId < 0) {
            throw ApiException.invalid("task_id: must be a positive whole number, or 0 for every task in scope");
        }
        Task task = tasks.find(user, taskId);
        return new RecordFilter(Set.of(task.definition().departmentId()), task.id(), null, null);
    }

    private Window historyWindow(TaskHistoryRequest request) {
        boolean byMonth = request.getYear() != 0 || request.getMonth() != 0;
        if (!byMonth) {
            return window(request.getStartTime(), request.getEndTime());
        }
        if (!request.getStartTime().isBlank() || !request.getEndTime().isBlank()) {
            throw ApiException.invalid("start_time: give either year and month or start_time and end_time");
        }
        YearMonth month = RecordService.month(request.getYear() == 0 ? null : request.getYear(),
                request.getMonth() == 0 ? null : request.getMonth());
        ZoneId zone = clock.getZone();
        return new Window(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    private Window window(String startTime, String endTime) {
        Instant from = RpcTimes.parse("start_time", startTime, clock.getZone());
        Instant to = RpcTimes.parse("end_time", endTime, clock.getZone());
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("end_time: must be after start_time");
        }
        return new Window(from, to);
    }

    private TaskHistoryRecord historyRecord(RecordView view) {
        ExecutionRecord record = view.record();
        return TaskHistoryRecord.newBuilder()
                .setId(view.id())
                .setTaskId(record.taskId())
                .setTaskName(record.taskName())
                .setSuccess(record.success())
                .setStatusCode(record.statusCode() == null ? 0 : record.statusCode())
                .setResponse(record.response() == null ? "" : record.response())
                .setCostTime((int) Math.min(record.costTime(), Integer.MAX_VALUE))
                .setExecuteTime(RpcTimes.format(view.startTime() != null ? view.startTime() : view.scheduledTime()))
                .setRetryTimes(record.retryTimes())
                .setTraceId(record.traceId() == null ? "" : record.traceId())
                .build();
    }

    private static UserInfo userInfo(UserView view) {
        return UserInfo.newBuilder()
                .setId(view.id())
                .setUsername(view.username())
                .setRealName(nullToEmpty(view.realName()))
                .setEmail(nullToEmpty(view.email()))
                .setPhone(nullToEmpty(view.phone()))
                .setDepartmentId(view.departmentId())
                .setDepartmentName(nullToEmpty(view.departmentName()))
                .setRoleId(view.roleId())
                .setRoleName(nullToEmpty(view.roleName()))
                .setStatus(view.status())
                .setCreateTime(RpcTimes.format(view.createTime()))
                .build();
    }

    private static PageQuery page(int page, int size) {
        if (page < 0) {
            throw ApiException.invalid("page: must be 1 or more (0 means 1)");
        }
        if (size < 0 || size > PageQuery.MAX_SIZE) {
            throw ApiException.invalid("size: must be between 1 and " + PageQuery.MAX_SIZE + " (0 means " + PageQuery.DEFAULT_SIZE + ")");
        }
        return PageQuery.of(page == 0 ? null : page, size == 0 ? null : size);
    }

    private static Long optionalId(String field, long id) {
        if (id < 0) {
            throw ApiException.invalid(field + ": must be a positive whole number, or 0 for your whole department scope");
        }
        return id == 0 ? null : id;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A span of scheduled times, [from, to); an end is open when null. */
    private record Window(Instant from, Instant to) {
    }
}
