package io.distributedjob.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * The task rows this instance leases, each with the version its last claim gave it; the rows it is handing to
 * other instances (no longer claimed here, released once recorded); and the rows handed over, left to the others
 * until a given instant.
 */
final class LeasedRows {

    private final Map<Long, Long> versions = new ConcurrentHashMap<>();
    private final Set<Long> leaving = ConcurrentHashMap.newKeySet();
    private final Map<Long, Instant> handedOver = new ConcurrentHashMap<>();

    void claimed(long taskId, long version) {
        versions.put(taskId, version);
    }

    /** The version this instance's last claim gave the row, or null if it does not lease it. */
    Long version(long taskId) {
        return versions.get(taskId);
    }

    int size() {
        return versions.size();
    }

    /** Rows this instance is handing to others are left to them (for a while, if nobody else takes them). */
    boolean wants(long taskId, Instant now) {
        if (leaving.contains(taskId)) {
            return false;
        }
        Instant until = handedOver.get(taskId);
        if (until == null) {
            return true;
        }
        if (now.isAfter(until)) {
            handedOver.remove(taskId);
            return true;
        }
        return false;
    }

    /** Marks up to {@code surplus} more leased rows as leaving. */
    void markLeaving(long surplus) {
        long left = surplus - leaving.size();
        for (Long id : versions.keySet()) {
            if (left <= 0) {
                return;
            }
            if (leaving.add(id)) {
                left--;
            }
        }
    }

    /** Marks every leased row of a task {@code foreign} says is no longer this instance's as leaving. */
    void markLeaving(LongPredicate foreign) {
        for (Long id : versions.keySet()) {
            if (foreign.test(id)) {
                leaving.add(id);
            }
        }
    }

    int leavingCount() {
        return leaving.size();
    }

    /** Leaving rows ({id, version}) that {@code holds} no fire of any more, so their lease may end now. */
    List<long[]> releasable(LongPredicate holds) {
        List<long[]> rows = new ArrayList<>();
        for (Long id : leaving) {
            Long version = versions.get(id);
            if (version == null) {
                leaving.remove(id);
            } else if (!holds.test(id)) {
                rows.add(new long[] {id, version});
            }
        }
        return rows;
    }

    /** The lease on these rows ended: they are left to the others until {@code until}. */
    void handedOver(Collection<long[]> rows, Instant until) {
        for (long[] row : rows) {
            versions.remove(row[0]);
            leaving.remove(row[0]);
            handedOver.put(row[0], until);
        }
    }

    /** The row is no longer leased here (deleted, handed back, or taken over by another instance). */
    void forget(long taskId) {
        versions.remove(taskId);
        leaving.remove(taskId);
        handedOver.remove(taskId);
    }

    /** Every lease is void: this instance was taken for dead and its rows taken over. */
    void forgetAll() {
        versions.clear();
        leaving.clear();
        handedOver.clear();
    }
}
