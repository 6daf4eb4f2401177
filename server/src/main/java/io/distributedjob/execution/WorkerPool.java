package io.distributedjob.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import io.distributedjob.config.JobSettings;
import io.distributedjob.kernel.TaskType;

/**
 * The workers of this instance and the fires waiting for one. A worker is taken within {@code job.workers} in all,
 * {@code job.httpWorkers}/{@code job.grpcWorkers} per task type and, when set, {@code job.maxWorkersPerDepartment}
 * per department. Waiting fires queue per department, and each free worker goes to the next department in turn
 * (round robin) that has a fire it may start, so one department's backlog cannot starve the others; within a
 * department fires start in the order they came. The lock is held only to move fires between queues and counts.
 */
final class WorkerPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final int workers;
    private final int perDepartment;
    private final Map<TaskType, Integer> typeLimits = new EnumMap<>(TaskType.class);
    private final Map<TaskType, Integer> runningByType = new EnumMap<>(TaskType.class);
    private final Map<Long, Department> departments = new HashMap<>();
    /** Departments with waiting fires, in the order they are served next. */
    private final ArrayDeque<Department> turns = new ArrayDeque<>();
    private int running;
    private int queued;
    /** False once the shutdown wait is over: no fire takes a worker any more. */
    private boolean dispatching = true;

    WorkerPool(JobSettings settings) {
        workers = settings.workers();
        perDepartment = settings.maxWorkersPerDepartment();
        typeLimits.put(TaskType.HTTP, settings.httpWorkers());
        typeLimits.put(TaskType.GRPC, settings.grpcWorkers());
        for (TaskType type : TaskType.values()) {
            runningByType.put(type, 0);
        }
    }

    /** Queues {@code run} for a worker; returns the runs that take a worker now, to be started by the caller. */
    List<FireRun> offer(FireRun run) {
        lock.lock();
        try {
            Department department = departments.computeIfAbsent(run.task().definition().departmentId(), Department::new);
            department.queue(run.task().definition().taskType()).addLast(run);
            department.waiting++;
            queued++;
            run.queued = true;
            if (!department.inTurn) {
                department.inTurn = true;
                turns.addLast(department);
            }
            return dispatch();
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the worker {@code run} held; returns the runs that take a worker now. */
    List<FireRun> release(FireRun run) {
        lock.lock();
        try {
            running--;
            runningByType.merge(run.task().definition().taskType(), -1, Integer::sum);
            Department department = departments.get(run.task().definition().departmentId());
            department.running--;
            forgetIfIdle(department);
            return dispatch();
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code run} out of its queue if it still waits there (it ended before a worker was free). */
    void withdraw(FireRun run) {
        if (!run.queued) {
            return;
        }
        lock.lock();
        try {
            if (!run.queued) {
                return;
            }
            Department department = departments.get(run.task().definition().departmentId());
            if (department.queue(run.task().definition().taskType()).remove(run)) {
                run.queued = false;
                department.waiting--;
                queued--;
                forgetIfIdle(department);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops (false) or resumes (true) giving workers to waiting fires. */
    void dispatching(boolean on) {
        lock.lock();
        try {
            dispatching = on;
        } finally {
            lock.unlock();
        }
    }

    /** Fires waiting for a worker. */
    int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    private List<FireRun> dispatch() {
        List<FireRun> started = List.of();
        while (dispatching && running < workers && !turns.isEmpty()) {
            FireRun next = null;
            for (int asked = turns.size(); asked > 0 && next == null; asked--) {
                Department department = turns.pollFirst();
                next = department.take();
                if (department.waiting > 0) {
                    turns.addLast(department);
                } else {
                    department.inTurn = false;
                    forgetIfIdle(department);
                }
            }
            if (next == null) {
                break;
            }
            if (started.isEmpty()) {
                started = new ArrayList<>();
            }
            started.add(next);
        }
        return started;
    }

    private boolean typeHasRoom(TaskType type) {
        return runningByType.get(type) < typeLimits.get(type);
    }

    private void forgetIfIdle(Department department) {
        if (department.waiting == 0 && department.running == 0 && !department.inTurn) {
            departments.remove(department.id);
        }
    }

    /** One department's waiting fires, per task type, and how many of its fires hold a worker. */
    private final class Department {

        final long id;
        final Map<TaskType, ArrayDeque<FireRun>> byType = new EnumMap<>(TaskType.class);
        int waiting;
        int running;
        boolean inTurn;

        Department(long id) {
            this.id = id;
        }

        ArrayDeque<FireRun> queue(TaskType type) {
            return byType.computeIfAbsent(type, t -> new ArrayDeque<>());
        }

        /** The department's oldest fire of a type with a free worker, given a worker; null if it may start none. */
        FireRun take() {
            if (perDepartment > 0 && running >= perDepartment) {
                return null;
            }
            for (Map.Entry<TaskType, ArrayDeque<FireRun>> entry : byType.entrySet()) {
                if (!entry.getValue().isEmpty() && typeHasRoom(entry.getKey())) {
                    FireRun run = entry.getValue().pollFirst();
                    run.queued = false;
                    run.takeWorker();
                    waiting--;
                    WorkerPool.this.queued--;
                    running++;
                    WorkerPool.this.running++;
                    runningByType.merge(entry.getKey(), 1, Integer::sum);
                    return run;
                }
            }
            return null;
        }
    }
}
