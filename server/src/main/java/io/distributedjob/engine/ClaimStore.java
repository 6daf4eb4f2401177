package io.distributedjob.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import io.distributedjob.storage.SqlDialect;
import io.distributedjob.storage.SqlTime;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskRows;
import io.distributedjob.task.TaskStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's reads and writes of the task table. A claim is one conditional update over a batch of rows that
 * moves each row's cursor past the fires it takes, leases the row to this instance and bumps its version, and
 * only applies to rows whose version is still the one read: two instances can never take the same fire.
 */
class ClaimStore {

    private static final int[] TYPES = {Types.TIMESTAMP, Types.INTEGER, Types.TIMESTAMP, Types.VARCHAR, Types.BIGINT,
            Types.BIGINT};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final EngineInstances instances;
    private final String cursorIndex;

    ClaimStore(JdbcTemplate template, TransactionTemplate transactions, EngineInstances instances, SqlDialect dialect) {
        this.jdbc = JdbcClient.create(template);
        this.template = template;
        this.transactions = transactions;
        this.instances = instances;
        // left to itself, H2 reads the due rows through the status index: every enabled task on every claim
        this.cursorIndex = dialect.useIndex("task", "idx_next_exec");
    }

    /**
     * Enabled rows whose cursor is at or before {@code horizon}, earliest first, that this instance may claim:
     * unleased, leased to itself, or leased to an instance whose claimed fires on the row are all recorded.
     * Walks the index on the cursor; never scans the whole table.
     */
    List<DueTask> findDue(String self, Instant horizon, int limit) {
        return jdbc.sql("SELECT " + TaskRows.columns("t") + ", t.lease_owner, t.claimed_from"
                        + " FROM task t" + cursorIndex + " LEFT JOIN engine_instance i ON i.id = t.lease_owner"
                        + " WHERE t.next_execute_time <= ? AND t.status IN (" + TaskStatus.SCHEDULED_CODES + ")"
                        + " AND (t.lease_owner IS NULL OR t.lease_owner = ? OR i.id IS NULL OR i.done_before IS NULL"
                        + " OR i.done_before >= t.next_execute_time)"
                        + " ORDER BY t.next_execute_time LIMIT " + limit)
                .params(SqlTime.toDb(horizon), self)
                .query((rs, n) -> new DueTask(TaskRows.map(rs), rs.getString("lease_owner"),
                        SqlTime.fromDb(rs.getObject("claimed_from", LocalDateTime.class))))
                .list();
    }

    /**
     * Claims the planned rows in one transaction: the conditional update, a read of which rows it won, and the
     * lowering of this instance's watermark to the earliest planned fire. Returns the ids of the rows won.
     *
     * @throws InstanceMissingException if this instance's row is gone (taken for dead); nothing is claimed then
     */
    Set<Long> claim(List<FirePlan> plans, String self, Instant earliestFire, Instant now) {
        List<Object[]> rows = new ArrayList<>(plans.size());
        // rows locked in id order by every instance, so that competing claims queue instead of deadlocking
        List<FirePlan> byId = plans.stream().sorted(Comparator.comparingLong(FirePlan::taskId)).toList();
        for (FirePlan plan : byId) {
            rows.add(new Object[] {SqlTime.toDb(plan.newNext()), plan.newStatus().code(), SqlTime.toDb(plan.claimedFrom()), self,
                    plan.taskId(), plan.due().task().cursor().version()});
        }
        return transactions.execute(tx -> {
            int[] counts = template.batchUpdate("UPDATE task SET next_execute_time = ?, status = ?, claimed_from = ?,"
                    + " lease_owner = ?, version = version + 1, " + TaskRows.KEEP_UPDATE_TIME + " WHERE id = ? AND version = ?",
                    rows, TYPES);
            Set<Long> won = Arrays.stream(counts).allMatch(count -> count >= 0)
                    ? wonByCount(byId, counts)
                    : wonBy(byId, self);
            if (!instances.lowerWatermark(self, earliestFire, now)) {
                throw new InstanceMissingException(self);
            }
            return won;
        });
    }

    private static Set<Long> wonByCount(List<FirePlan> byId, int[] counts) {
        Set<Long> won = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                won.add(byId.get(i).taskId());
            }
        }
        return won;
    }

    /**
     * Which of the planned rows this instance holds with the version a claim of them gives. Bulk protocols
     * (MariaDB's) answer a batch without per-row counts: inside the claim's transaction, the rows it holds locked
     * then say which it won. After a claim whose outcome is unknown, the same read says which rows it took.
     */
    Set<Long> wonBy(List<FirePlan> plans, String self) {
        StringJoiner ids = new StringJoiner(", ");
        Map<Long, Long> expected = new HashMap<>();
        for (FirePlan plan : plans) {
            ids.add(Long.toString(plan.taskId()));
            expected.put(plan.taskId(), plan.due().task().cursor().version() + 1);
        }
        Set<Long> won = new HashSet<>();
        jdbc.sql("SELECT id, version FROM task WHERE id IN (" + ids + ") AND lease_owner = ?")
                .param(self)
                .query(rs -> {
                    long id = rs.getLong("id");
                    if (expected.get(id) == rs.getLong("version")) {
                        won.add(id);
                    }
                });
        return won;
    }

    /** Rows leased to {@code owner}, with their lease. */
    List<DueTask> leasedBy(String owner) {
        return jdbc.sql("SELECT " + TaskRows.columns("t") + ", t.lease_owner, t.claimed_from FROM task t"
                        + " WHERE t.lease_owner = ?")
                .param(owner)
                .query((rs, n) -> new DueTask(TaskRows.map(rs), rs.getString("lease_owner"),
                        SqlTime.fromDb(rs.getObject("claimed_from", LocalDateTime.class))))
                .list();
    }

    /**
     * Moves a row's cursor back to {@code next} and ends {@code owner}'s lease on it, if the row is still as
     * read; the fires from {@code next} on are claimable again.
     */
    boolean rewind(long taskId, long version, String owner, Instant next, TaskStatus status) {
        return jdbc.sql("UPDATE task SET next_execute_time = ?, status = ?, version = version + 1,"
                        + " " + TaskRows.KEEP_UPDATE_TIME + ", lease_owner = NULL, claimed_from = NULL"
                        + " WHERE id = ? AND version = ? AND lease_owner = ?")
                .params(SqlTime.toDb(next), status.code(), taskId, version, owner).update() == 1;
    }

    /**
     * Hands back claimed fires in one batch: each row's cursor goes back to the first unstarted fire, if the row
     * is still as this instance last left it; rows changed since (by a person) are left alone.
     */
    void handBack(List<HandBack> rows, String owner) {
        List<HandBack> sorted = rows.stream().sorted(Comparator.comparingLong(HandBack::taskId)).toList();
        List<Object[]> released = sorted.stream().filter(row -> !row.keepLease())
                .map(row -> new Object[] {SqlTime.toDb(row.next()), row.status().code(), row.taskId(), row.version(), owner})
                .toList();
        List<Object[]> kept = sorted.stream().filter(HandBack::keepLease)
                .map(row -> new Object[] {SqlTime.toDb(row.next()), row.status().code(), row.taskId(), row.version(), owner})
                .toList();
        String where = " WHERE id = ? AND version = ? AND lease_owner = ?";
        transactions.executeWithoutResult(tx -> {
            template.batchUpdate("UPDATE task SET next_execute_time = ?, status = ?, lease_owner = NULL,"
                    + " claimed_from = NULL, version = version + 1, " + TaskRows.KEEP_UPDATE_TIME + where, released);
            template.batchUpdate("UPDATE task SET next_execute_time = ?, status = ?, version = version + 1,"
                    + " " + TaskRows.KEEP_UPDATE_TIME + where, kept);
        });
    }

    /**
     * One row handed back on shutdown. {@code keepLease} when fires of the task still run on this instance: the
     * lease then still covers them until they are recorded.
     */
    record HandBack(long taskId, long version, Instant next, TaskStatus status, boolean keepLease) {
    }

    /** Ends this instance's lease on rows ({id, version}) still as it left them; their cursor stays. */
    void endLeases(List<long[]> rows, String owner) {
        List<Object[]> params = rows.stream().sorted(Comparator.comparingLong(row -> row[0]))
                .map(row -> new Object[] {row[0], row[1], owner}).toList();
        transactions.executeWithoutResult(tx -> template.batchUpdate("UPDATE task SET lease_owner = NULL,"
                + " claimed_from = NULL, version = version + 1, " + TaskRows.KEEP_UPDATE_TIME
                + " WHERE id = ? AND version = ? AND lease_owner = ?", params));
    }

    /** How many tasks are enabled or temporary. */
    long countScheduled() {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE status IN (" + TaskStatus.SCHEDULED_CODES + ")")
                .query(Long.class).single();
    }

    /** Tasks changed by a person (or API client) after {@code since}. */
    List<Task> changedSince(Instant since) {
        return jdbc.sql("SELECT " + TaskRows.columns("t") + " FROM task t WHERE t.update_time > ?")
                .param(SqlTime.toDb(since))
                .query((rs, n) -> TaskRows.map(rs))
                .list();
    }

    /** Tasks deleted (by a person or API client) after {@code since}. */
    List<Long> deletedSince(Instant since) {
        return jdbc.sql("SELECT task_id FROM task_deletion WHERE delete_time > ?")
                .param(SqlTime.toDb(since))
                .query(Long.class)
                .list();
    }

    /** Forgets deletions made before {@code before}: every instance has seen them by then. */
    void forgetDeletions(Instant before) {
        jdbc.sql("DELETE FROM task_deletion WHERE delete_time < ?").param(SqlTime.toDb(before)).update();
    }

    /** This instance's row was removed by another instance that took it for dead. */
    static final class InstanceMissingException extends RuntimeException {

        InstanceMissingException(String instanceId) {
            super("engine instance " + instanceId + " is no longer registered");
        }
    }
}
