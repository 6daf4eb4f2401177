package io.distributedjob.storage;

import java.util.ArrayList;
import java.util.List;

/** The embedded H2 database, run in MySQL mode with lower-case identifiers. */
public final class H2Dialect implements SqlDialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String sessionInitSql() {
        return "SET TIME ZONE 'UTC'";
    }

    @Override
    public String createTableIfAbsent(String table, List<String> columns, List<Index> indexes) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", columns) + ")");
        for (Index index : indexes) {
            statements.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
                    + indexName(table, index) + " ON " + table + " (" + index.columns() + ")");
        }
        return String.join(";\n", statements);
    }

    @Override
    public String currentSchema() {
        return "SCHEMA()";
    }

    /** Index names are prefixed with their table's here, as H2 names indexes per schema. */
    @Override
    public String useIndex(String table, String index) {
        return " USE INDEX (" + table + "_" + index + ")";
    }

    @Override
    public String largeText() {
        return "CHARACTER LARGE OBJECT";
    }

    @Override
    public String addUniqueIndex(String table, Index index) {
        return "CREATE UNIQUE INDEX IF NOT EXISTS " + indexName(table, index) + " ON " + table
                + " (" + index.columns() + ")";
    }

    private static String indexName(String table, Index index) {
        return table + "_" + index.name();
    }
}
