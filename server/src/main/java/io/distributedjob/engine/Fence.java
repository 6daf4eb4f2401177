package io.distributedjob.engine;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;

import io.distributedjob.cluster.Fencing;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether this instance may start the fires it claimed. Once its heartbeat has not been renewed for a lease,
 * another instance may take its rows over and run those fires; from then until the next renewal it starts none.
 * It stops earlier, as soon as a poll duty finds the database out of reach: an instance that cannot reach it
 * cannot record its fires either, and if the outage lasts a lease the others run again every fire it started
 * meanwhile, not knowing it did. A fire parked for a short outage goes back to the database at the next renewal
 * and runs a round late, once.
 * The cluster (etcd, when configured) fences it too: while its etcd lease cannot be proven valid, and after that
 * until the fires it held then are handed back, since the others may have taken its rows over meanwhile.
 */
final class Fence {

    /** SQLSTATE class 08: the connection broke or could not be made. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private final Duration lease;
    private final Fencing cluster;
    private volatile Instant renewed;
    private volatile boolean databaseOutOfReach;
    private volatile boolean clusterFenceUnsettled;

    Fence(Duration lease, Instant registered, Fencing cluster) {
        this.lease = lease;
        this.renewed = registered;
        this.cluster = cluster;
        cluster.onChange(new Fencing.Listener() {
            @Override
            public void fenced() {
                clusterFenceUnsettled = true;
            }

            @Override
            public void restored() {
                // Settled by the heartbeat duty, once the fires held while fenced are handed back.
            }
        });
    }

    /** The cluster fenced this instance and has restored it: the fires it holds must be handed back first. */
    boolean clusterFenceLifted() {
        return clusterFenceUnsettled && !cluster.fenced();
    }

    void clusterFenceSettled() {
        clusterFenceUnsettled = false;
    }

    /** The heartbeat written at {@code at} was committed. */
    void renewed(Instant at) {
        renewed = at;
        databaseOutOfReach = false;
    }

    /**
     * A poll duty failed with {@code failure}: if it was for want of a connection to the database (none could be had,
     * or the one in use broke, which may surface as a failed rollback), closes until renewed.
     */
    void dutyFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (connectionLost(cause)) {
                databaseOutOfReach = true;
                return;
            }
        }
    }

    private static boolean connectionLost(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLException sql && sql.getSQLState() != null
                        && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS);
    }

    boolean closed(Instant now) {
        return databaseOutOfReach(now) || clusterFenceUnsettled || cluster.fenced();
    }

    /** A duty could not reach the database since the last renewal, or no heartbeat was committed for a lease. */
    boolean databaseOutOfReach(Instant now) {
        return databaseOutOfReach || heartbeatLapsed(now);
    }

    /** No heartbeat was committed for a lease: the database is out of reach, or this instance stalled. */
    private boolean heartbeatLapsed(Instant now) {
        return now.isAfter(renewed.plus(lease));
    }
}
