package io.distributedjob.rpc;

import java.time.Clock;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.Permissions;
import io.distributedjob.record.RecordFilter;
import io.distributedjob.record.RecordService;
import io.distributedjob.record.RecordTotals;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.rpc.ScheduleRequests.TaskForm;
import io.distributedjob.rpc.proto.scheduler.BatchScheduleTasksRequest;
import io.distributedjob.rpc.proto.scheduler.BatchScheduleTasksResponse;
import io.distributedjob.rpc.proto.scheduler.ScheduleTaskRequest;
import io.distributedjob.rpc.proto.scheduler.ScheduleTaskResponse;
import io.distributedjob.rpc.proto.scheduler.TaskRequest;
import io.distributedjob.rpc.proto.scheduler.TaskResponse;
import io.distributedjob.rpc.proto.scheduler.TaskSchedulerGrpc;
import io.distributedjob.rpc.proto.scheduler.TaskStatusResponse;
import io.distributedjob.task.TaskEngine;
import io.distributedjob.task.TaskService;
import io.distributedjob.task.TaskView;
import io.distributedjob.kernel.ApiException;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The spec's {@code scheduler.TaskScheduler}: tasks created, paused, resumed, fired, deleted and inspected
 * through {@link TaskService}, with the permissions and department scope of the REST API, audited like it.
 */
@Service
class TaskSchedulerRpcService extends TaskSchedulerGrpc.TaskSchedulerImplBase {

    /** Most tasks one BatchScheduleTasks call may create. */
    static final int BATCH_MAX = 100;

    private static final Logger log = LoggerFactory.getLogger(TaskSchedulerRpcService.class);

    private final TaskService tasks;
    private final RecordService records;
    private final ScheduleRequests requests;
    private final Clock clock;

    TaskSchedulerRpcService(TaskService tasks, RecordService records, ScheduleRequests requests, Clock clock) {
        this.tasks = tasks;
        this.records = records;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public void scheduleTask(ScheduleTaskRequest request, StreamObserver<ScheduleTaskResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.TASK_CREATE);
            TaskView task = schedule(user, request);
            return ScheduleTaskResponse.newBuilder()
                    .setTaskId(task.id()).setSuccess(true).setMessage("task " + task.id() + " scheduled").build();
        });
    }

    @Override
    public void batchScheduleTasks(BatchScheduleTasksRequest request, StreamObserver<BatchScheduleTasksResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.TASK_CREATE);
            if (request.getTasksCount() == 0) {
                throw ApiException.invalid("tasks: at least one task is required");
            }
            if (request.getTasksCount() > BATCH_MAX) {
                throw ApiException.invalid("tasks: at most " + BATCH_MAX + " tasks per call");
            }
            BatchScheduleTasksResponse.Builder response = BatchScheduleTasksResponse.newBuilder();
            int scheduled = 0;
            for (ScheduleTaskRequest item : request.getTasksList()) {
                ScheduleTaskResponse result = scheduleOne(user, item);
                scheduled += result.getSuccess() ? 1 : 0;
                response.addResults(result);
            }
            return response.setOverallSuccess(scheduled == request.getTasksCount())
                    .setMessage(scheduled + " of " + request.getTasksCount() + " tasks scheduled").build();
        });
    }

    @Override
    public void pauseTask(TaskRequest request, StreamObserver<TaskResponse> observer) {
        switchTask(request, observer, tasks::pause, "paused", "was already paused");
    }

    @Override
    public void resumeTask(TaskRequest request, StreamObserver<TaskResponse> observer) {
        switchTask(request, observer, tasks::resume, "resumed", "was not paused");
    }

    /** Pauses or resumes the task, saying which of the two outcomes came about. */
    private void switchTask(TaskRequest request, StreamObserver<TaskResponse> observer, TaskSwitch change,
                            String changed, String unchanged) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.TASK_UPDATE);
            long id = taskId(request);
            boolean done = change.apply(user, RpcCaller.clientAddress(), id);
            return taskResponse("task " + id + " " + (done ? changed : unchanged));
        });
    }

    /** {@link TaskService#pause} or {@link TaskService#resume}: false when the task was already so. */
    private interface TaskSwitch {
        boolean apply(CurrentUser user, String clientAddress, long id);
    }

    /**
     * The task's status and times, {@code retry_count} its configured retries ({@code max_retry}), and the counts
     * and mean execution time of its execution records over every month kept ({@code job.recordRetentionMonths}).
     */
    @Override
    public void getTaskStatus(TaskRequest request, StreamObserver<TaskStatusResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.TASK_VIEW);
            TaskView task = tasks.get(user, taskId(request));
            RecordTotals totals = records.totals(
                    new RecordFilter(Set.of(task.definition().departmentId()), task.id(), null, null), null, null);
            return TaskStatusResponse.newBuilder()
                    .setTaskId(task.id())
                    .setStatus(task.definition().status().code())
                    .setLastExecuteTime(RpcTimes.format(task.lastExecuteTime()))
                    .setNextExecuteTime(RpcTimes.format(task.nextExecuteTime()))
                    .setRetryCount(task.definition().retryCount())
                    .setSuccessCount(saturated(totals.success()))
                    .setFailCount(saturated(totals.fail()))
                    .setAvgExecutionTime((float) totals.avgCostTime())
                    .build();
        });
    }

    @Override
    public void executeTaskImmediately(TaskRequest request, StreamObserver<TaskResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.TASK_UPDATE);
            long id = taskId(request);
            TaskEngine.StartedFire fire = tasks.run(user, RpcCaller.clientAddress(), id, TriggerType.API);
            return taskResponse("fire " + fire.fireId() + " started at "
                    + RpcTimes.format(fire.scheduledTime(), clock.getZone()));
        });
    }

    @Override
    public void deleteTask(TaskRequest request, StreamObserver<TaskResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.requiring(Permissions.TASK_DELETE);
            long id = taskId(request);
            tasks.delete(user, RpcCaller.clientAddress(), id);
            return taskResponse("task " + id + " deleted");
        });
    }

    private TaskView schedule(CurrentUser user, ScheduleTaskRequest request) {
        TaskForm form = requests.form(user, request);
        return tasks.create(user, RpcCaller.clientAddress(), form.type(), form.body(), form::renamed);
    }

    /** One task of a batch: its failure is its own result, and the others go on. */
    private ScheduleTaskResponse scheduleOne(CurrentUser user, ScheduleTaskRequest request) {
        try {
            TaskView task = schedule(user, request);
            return ScheduleTaskResponse.newBuilder()
                    .setTaskId(task.id()).setSuccess(true).setMessage("task " + task.id() + " scheduled").build();
        } catch (ApiException e) {
            return ScheduleTaskResponse.newBuilder().setSuccess(false).setMessage(RpcStatus.description(e)).build();
        } catch (RuntimeException e) {
            log.error("Scheduling a task of a batch failed", e);
            return ScheduleTaskResponse.newBuilder().setSuccess(false).setMessage(RpcStatus.INTERNAL_ERROR).build();
        }
    }

    private static long taskId(TaskRequest request) {
        if (request.getTaskId() <= 0) {
            throw ApiException.invalid("task_id: must be a positive whole number");
        }
        return request.getTaskId();
    }

    private static TaskResponse taskResponse(String message) {
        return TaskResponse.newBuilder().setSuccess(true).setMessage(message).build();
    }

    private static int saturated(long count) {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }
}
