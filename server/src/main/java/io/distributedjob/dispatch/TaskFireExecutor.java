package io.distributedjob.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.distributedjob.execution.Fire;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.kernel.TriggerType;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a consumed fire on this instance's executor with the task's current definition. The fire counts as claimed:
 * if this instance stops before starting it, no record is written and the message, left uncommitted, goes to
 * another executor. A fire of a task deleted since it was claimed has nothing left to run. A fire consumed before its
 * instant (the claimer's clock runs ahead of this one) waits for it.
 */
public class TaskFireExecutor implements DispatchedFireExecutor {

    private static final Logger log = LoggerFactory.getLogger(TaskFireExecutor.class);

    private final TaskLookup tasks;
    private final FireExecutor executor;
    private final Clock clock;

    public TaskFireExecutor(TaskLookup tasks, FireExecutor executor, Clock clock) {
        this.tasks = tasks;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public CompletionStage<?> execute(DispatchedFire dispatched) {
        Optional<Task> task = tasks.find(dispatched.taskId());
        if (task.isEmpty()) {
            log.info("Dropped fire {}: its task was deleted after the fire was claimed", dispatched.fireId());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        Fire fire = new Fire(task.get(), dispatched.scheduledTime(), TriggerType.valueOf(dispatched.trigger()), true);
        Duration early = Duration.between(clock.instant(), fire.scheduledTime());
        Executor atItsInstant = early.isPositive()
                ? CompletableFuture.delayedExecutor(early.toMillis(), TimeUnit.MILLISECONDS) : Runnable::run;
        atItsInstant.execute(() -> executor.submit(fire, () -> recorded.complete(null)));
        return recorded;
    }
}
