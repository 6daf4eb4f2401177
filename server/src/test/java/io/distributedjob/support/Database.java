package io.distributedjob.support;

/**
 * The databases every storage suite runs on, as the value of a {@code @ParameterizedClass}: embedded H2 (always)
 * and the machine's MariaDB (skipped when it is not reachable, see {@link TestService}).
 */
public enum Database {

    H2, MARIADB;

    /** A freshly migrated database of this kind. */
    public EngineDatabase open() {
        return this == H2 ? EngineDatabase.h2() : EngineDatabase.mariaDb();
    }

    /** The name of this kind's Flyway migration folder. */
    public String migrations() {
        return this == H2 ? "h2" : "mysql";
    }
}
