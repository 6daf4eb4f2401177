package io.distributedjob.engine;

import java.time.Instant;
import java.util.Set;

import io.distributedjob.org.DepartmentDirectory;

/**
 * The departments that are not live (disabled, or below a disabled one), read once per poll round: their tasks do
 * not fire, and each fire they would have had is recorded as skipped. If a read fails, the last one read stands.
 */
final class DisabledDepartments implements RoundDuty {

    private final DepartmentDirectory directory;
    private volatile Set<Long> disabled = Set.of();

    DisabledDepartments(DepartmentDirectory directory) {
        this.directory = directory;
    }

    static String reason(long departmentId) {
        return "skipped: department " + departmentId + " or one above it is disabled";
    }

    @Override
    public String name() {
        return "reading disabled departments";
    }

    @Override
    public void run(Instant now) {
        disabled = directory.notLive();
    }

    Set<Long> disabled() {
        return disabled;
    }
}
