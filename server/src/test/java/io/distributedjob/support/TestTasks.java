package io.distributedjob.support;

import java.time.Instant;

import io.distributedjob.config.JobSettings;
import io.distributedjob.kernel.TaskType;
import io.distributedjob.task.ConcurrencyPolicy;
import io.distributedjob.task.CrashPolicy;
import io.distributedjob.task.MisfirePolicy;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskDefinition;
import io.distributedjob.task.TaskStatus;

/** Task definitions and engine settings for tests that run the execution parts without a server. */
public final class TestTasks {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private TestTasks() {
    }

    public static Builder http(long id, String url) {
        return new Builder(id, url);
    }

    /** The defaults of configs/config.yaml with the given execution capacity. */
    public static JobSettings settings(int workers, int queueSize, int httpWorkers) {
        return settings(workers, queueSize, httpWorkers, 0);
    }

    /** The defaults of configs/config.yaml with the given execution capacity and cap per department. */
    public static JobSettings settings(int workers, int queueSize, int httpWorkers, int maxWorkersPerDepartment) {
        return new JobSettings(workers, queueSize, httpWorkers, 2, 6, 1000, 2000, 500, 10, 60, 500, 50, 4096,
                maxWorkersPerDepartment, 20);
    }

    /** Fast polling and a short lease, for engines that run in real time in a test. */
    public static JobSettings engineSettings(int pollMs, int lookaheadMs, int leaseSeconds) {
        return new JobSettings(50, 1000, 50, 2, 6, pollMs, lookaheadMs, 100, leaseSeconds, 60, 500, 50, 4096, 0, 20);
    }

    public static final class Builder {

        private final long id;
        private final String url;
        private long departmentId = 1;
        private String method = "GET";
        private String headers;
        private String body;
        private String fallbackUrl;
        private int timeout = 30;
        private int retryCount;
        private int retryInterval;
        private ConcurrencyPolicy concurrency = ConcurrencyPolicy.ALLOW;
        private MisfirePolicy misfire = MisfirePolicy.FIRE_ONCE;
        private CrashPolicy crash = CrashPolicy.RERUN;
        private String cron = "* * * * * *";
        private TaskStatus status = TaskStatus.ENABLED;
        private Instant nextExecuteTime;

        private Builder(long id, String url) {
            this.id = id;
            this.url = url;
        }

        public Builder department(long id) {
            departmentId = id;
            return this;
        }

        /** The schedule (every second unless set) and the engine's cursor on it. */
        public Builder schedule(String expression, Instant next) {
            cron = expression;
            nextExecuteTime = next;
            return this;
        }

        public Builder temporary() {
            status = TaskStatus.TEMPORARY;
            return this;
        }

        public Builder misfire(MisfirePolicy policy) {
            misfire = policy;
            return this;
        }

        public Builder method(String value) {
            method = value;
            return this;
        }

        public Builder headers(String value) {
            headers = value;
            return this;
        }

        public Builder body(String value) {
            body = value;
            return this;
        }

        public Builder fallbackUrl(String value) {
            fallbackUrl = value;
            return this;
        }

        public Builder timeout(int seconds) {
            timeout = seconds;
            return this;
        }

        public Builder retries(int count, int intervalSeconds) {
            retryCount = count;
            retryInterval = intervalSeconds;
            return this;
        }

        public Builder crash(CrashPolicy policy) {
            crash = policy;
            return this;
        }

        public Builder forbidConcurrentRuns() {
            concurrency = ConcurrencyPolicy.FORBID;
            return this;
        }

        public Task build() {
            return new Task(id, new TaskDefinition("task-" + id, null, departmentId, TaskType.HTTP, cron, "UTC", status,
                    timeout, retryCount, retryInterval, url, method, headers, body, fallbackUrl, null, null, null, null,
                    null, false, misfire, concurrency, crash), new Task.Cursor(nextExecuteTime, 0),
                    new Task.Stamps(1, CREATED, CREATED));
        }
    }
}
