package io.distributedjob.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.distributedjob.config.JobSettings;
import io.distributedjob.record.ExecutionRecord;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.task.ConcurrencyPolicy;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs fires on virtual threads within the {@code job} section's limits: {@code workers} at once in all,
 * {@code httpWorkers}/{@code grpcWorkers} per type, and up to {@code queueSize} waiting. Every fire ends in
 * exactly one execution record: a fire that cannot run (queue full, {@code concurrencyPolicy FORBID} while the
 * task is busy, shutting down) is recorded as failed with the reason, never dropped silently.
 */
@Component
public class FireExecutor {

    private static final Logger log = LoggerFactory.getLogger(FireExecutor.class);

    private final TaskExecutors executors;
    private final RecordWriter records;
    private final Clock clock;
    private final JobSettings settings;
    private final Map<TaskType, Integer> typeLimits = new EnumMap<>(TaskType.class);
    private final String instanceId;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final Map<TaskType, Integer> runningByType = new EnumMap<>(TaskType.class);
    private final Map<Long, Integer> busyTasks = new HashMap<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private int running;
    private volatile boolean accepting = true;

    public FireExecutor(TaskExecutors executors, RecordWriter records, Clock clock, JobSettings settings,
                        InstanceId instanceId) {
        this.executors = executors;
        this.records = records;
        this.clock = clock;
        this.settings = settings;
        this.instanceId = instanceId.value();
        typeLimits.put(TaskType.HTTP, settings.httpWorkers());
        typeLimits.put(TaskType.GRPC, settings.grpcWorkers());
    }

    /**
     * Starts {@code fire} now if a worker is free, queues it otherwise, or records why it cannot run.
     * {@code afterRecorded} (may be null) runs once the fire's record is in the database.
     */
    public void submit(Fire fire, Runnable afterRecorded) {
        Queued item = new Queued(fire, afterRecorded);
        String refusal;
        lock.lock();
        try {
            refusal = refusal(fire);
            if (refusal == null) {
                busyTasks.merge(fire.task().id(), 1, Integer::sum);
                if (fits(fire.task().taskType())) {
                    start(item);
                } else {
                    queue.add(item);
                }
            }
        } finally {
            lock.unlock();
        }
        if (refusal != null) {
            Instant now = clock.instant();
            records.write(record(fire, now, now, ExecutionOutcome.failure(refusal)), afterRecorded);
        }
    }

    /** Fires this executor holds that are not yet running (waiting for a worker). */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether fires of {@code taskId} are running or waiting on this instance. */
    public boolean busy(long taskId) {
        lock.lock();
        try {
            return busyTasks.containsKey(taskId);
        } finally {
            lock.unlock();
        }
    }

    /** Accepts fires again after {@link #stopAccepting()}, when the application context is restarted. */
    public void startAccepting() {
        accepting = true;
    }

    /** Refuses new fires from now on; running and queued ones go on. */
    public void stopAccepting() {
        accepting = false;
    }

    /** Waits until nothing runs or waits, or the deadline passes; then interrupts what is left. */
    public boolean awaitIdle(Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            while (running > 0 || !queue.isEmpty()) {
                long millis = Duration.between(clock.instant(), deadline).toMillis();
                if (millis <= 0) {
                    threads.forEach(Thread::interrupt);
                    return false;
                }
                idle.await(millis, TimeUnit.MILLISECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private String refusal(Fire fire) {
        if (!accepting) {
            return "not run: the server was shutting down";
        }
        if (fire.task().concurrencyPolicy() == ConcurrencyPolicy.FORBID && busyTasks.containsKey(fire.task().id())) {
            return "skipped: the previous run of this task was still going (concurrencyPolicy FORBID)";
        }
        if (!fits(fire.task().taskType()) && queue.size() >= settings.queueSize()) {
            return "rejected: all workers busy and the execution queue full (job.queueSize = " + settings.queueSize() + ")";
        }
        return null;
    }

    private boolean fits(TaskType type) {
        return running < settings.workers() && runningByType.getOrDefault(type, 0) < typeLimits.get(type);
    }

    private void start(Queued item) {
        running++;
        runningByType.merge(item.fire.task().taskType(), 1, Integer::sum);
        Thread.ofVirtual().name("fire-" + item.fire.task().id()).start(() -> run(item));
    }

    private void run(Queued item) {
        threads.add(Thread.currentThread());
        Fire fire = item.fire;
        Instant start = clock.instant();
        ExecutionOutcome outcome;
        try {
            outcome = executors.execute(fire);
        } catch (InterruptedException e) {
            outcome = ExecutionOutcome.failure("interrupted: the server shut down before the run ended");
        } catch (RuntimeException e) {
            log.error("Fire {} failed unexpectedly", fire.fireId(), e);
            outcome = ExecutionOutcome.failure("internal error: " + e);
        }
        try {
            records.write(record(fire, start, clock.instant(), outcome), item.afterRecorded);
        } finally {
            threads.remove(Thread.currentThread());
            finish(fire);
        }
    }

    private void finish(Fire fire) {
        lock.lock();
        try {
            running--;
            runningByType.merge(fire.task().taskType(), -1, Integer::sum);
            busyTasks.computeIfPresent(fire.task().id(), (id, count) -> count == 1 ? null : count - 1);
            for (Iterator<Queued> it = queue.iterator(); it.hasNext(); ) {
                Queued next = it.next();
                if (fits(next.fire.task().taskType())) {
                    it.remove();
                    start(next);
                }
                if (running >= settings.workers()) {
                    break;
                }
            }
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private ExecutionRecord record(Fire fire, Instant start, Instant end, ExecutionOutcome outcome) {
        Task task = fire.task();
        return new ExecutionRecord(task.id(), task.name(), task.taskType().name(), task.departmentId(), fire.fireId(),
                fire.scheduledTime(), start, end, Duration.between(start, end).toMillis(), outcome.success(),
                outcome.success() ? ExecutionRecord.SUCCEEDED : ExecutionRecord.FAILED, outcome.statusCode(),
                outcome.response(), outcome.error(), outcome.retryTimes(), outcome.usedFallback(), fire.trigger(),
                instanceId);
    }

    private record Queued(Fire fire, Runnable afterRecorded) {
    }
}
