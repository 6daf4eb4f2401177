package io.distributedjob.storage;

import java.util.ArrayList;
import java.util.List;

/** MySQL 8 and MariaDB 10.6+. */
public final class MySqlDialect implements SqlDialect {

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String sessionInitSql() {
        return "SET time_zone = '+00:00'";
    }

    @Override
    public String createTableIfAbsent(String table, List<String> columns, List<Index> indexes) {
        List<String> parts = new ArrayList<>(columns);
        for (Index index : indexes) {
            parts.add((index.unique() ? "UNIQUE KEY " : "KEY ") + index.name() + " (" + index.columns() + ")");
        }
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", parts) + ")"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    }

    @Override
    public String currentSchema() {
        return "DATABASE()";
    }

    @Override
    public String useIndex(String table, String index) {
        return " USE INDEX (" + index + ")";
    }

    /** TEXT holds 64 KiB; MEDIUMTEXT 16 MiB, beyond the largest {@code job.responseMaxBytes}. */
    @Override
    public String largeText() {
        return "MEDIUMTEXT";
    }

    @Override
    public String addUniqueIndex(String table, Index index) {
        return "ALTER TABLE " + table + " ADD UNIQUE KEY " + index.name() + " (" + index.columns() + ")";
    }
}
