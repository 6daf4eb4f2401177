package io.distributedjob.storage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants are stored as zone-less {@code DATETIME(3)} values in UTC, whatever the zone of the server, the JVM
 * or the database session; these two conversions are the only place that knows it.
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
