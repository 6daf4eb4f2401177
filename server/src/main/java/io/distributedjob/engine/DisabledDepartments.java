package io.distributedjob.engine;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The departments that are disabled, read once per poll round: their tasks do not fire, and each fire they would
 * have had is recorded as skipped. If a read fails, the last one read stands.
 */
final class DisabledDepartments implements RoundDuty {

    /** {@code department.status} of a disabled department. */
    private static final int DISABLED = 0;

    private final JdbcClient jdbc;
    private volatile Set<Long> disabled = Set.of();

    DisabledDepartments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String reason(long departmentId) {
        return "skipped: department " + departmentId + " is disabled";
    }

    @Override
    public String name() {
        return "reading disabled departments";
    }

    @Override
    public void run(Instant now) {
        disabled = new HashSet<>(jdbc.sql("SELECT id FROM department WHERE status = " + DISABLED)
                .query(Long.class).list());
    }

    Set<Long> disabled() {
        return disabled;
    }
}
