package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import io.distributedjob.cluster.StandaloneCluster;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class FenceTest {

    private static final Instant REGISTERED = Instant.parse("2026-12-03T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(10);

    private final Fence fence = new Fence(LEASE, REGISTERED,
            new StandaloneCluster("self", "host", REGISTERED, true));

    @Test
    void closesWhenTheHeartbeatHasNotBeenRenewedForALease() {
        assertThat(fence.closed(REGISTERED.plus(LEASE))).isFalse();
        assertThat(fence.closed(REGISTERED.plus(LEASE).plusMillis(1))).isTrue();
        fence.renewed(REGISTERED.plusSeconds(9));
        assertThat(fence.closed(REGISTERED.plus(LEASE).plusMillis(1))).isFalse();
    }

    @Test
    void closesAtOnceWhenADutyFindsTheDatabaseOutOfReachAndReopensAtTheNextRenewal() {
        fence.dutyFailed(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
        assertThat(fence.closed(REGISTERED.plusSeconds(1))).isTrue();
        fence.renewed(REGISTERED.plusSeconds(2));
        assertThat(fence.closed(REGISTERED.plusSeconds(2))).isFalse();

        fence.dutyFailed(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
        assertThat(fence.closed(REGISTERED.plusSeconds(3))).isTrue();
    }

    @Test
    void closesWhenTheConnectionInUseBrokeEvenWhereItSurfacesAsAFailedRollback() {
        fence.dutyFailed(new TransactionSystemException("JDBC rollback failed",
                new SQLException("socket was closed by server", "08000")));
        assertThat(fence.closed(REGISTERED.plusSeconds(1))).isTrue();
    }

    @Test
    void staysOpenWhenADutyFailsWithTheDatabaseInReach() {
        fence.dutyFailed(new DeadlockLoserDataAccessException("Deadlock found", null));
        fence.dutyFailed(new IllegalStateException("unparsable row"));
        assertThat(fence.closed(REGISTERED.plusSeconds(1))).isFalse();
    }
}
