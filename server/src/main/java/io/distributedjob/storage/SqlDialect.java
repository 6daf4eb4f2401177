package io.distributedjob.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything that differs between the databases DistributedJob runs on. Repositories write portable SQL and
 * ask the dialect for the rest, so that one shared test suite proves every database. A statement that H2 in
 * MySQL mode takes as MySQL writes it is written once, here.
 */
public interface SqlDialect {

    /** Short name, also the folder of this database's Flyway migrations under {@code db/migration}. */
    String name();

    /** Statement run on every new connection so that {@code CURRENT_TIMESTAMP} defaults are in UTC. */
    String sessionInitSql();

    /** Column definition of an auto-increment primary key. */
    default String autoIncrementPrimaryKey(String column) {
        return column + " BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    /**
     * DDL creating {@code table} with the given column definitions and secondary indexes, doing nothing if it
     * exists already. Each index is {@code name -> column list}.
     */
    String createTableIfAbsent(String table, List<String> columns, List<Index> indexes);

    /** Query returning the names (one column) of the tables in the current schema whose names start with {@code prefix}. */
    default String listTablesWithPrefix(String prefix) {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = " + currentSchema()
                + " AND table_name LIKE '" + prefix + "%'";
    }

    /** SQL expression naming the schema the connection works in. */
    String currentSchema();

    /**
     * Placed right after a table reference ({@code FROM task t<hint>}) so that the table is read through
     * {@code index} (its name in the MySQL schema), where the planner would otherwise pick a poorer one.
     */
    String useIndex(String table, String index);

    /** Column type of a text that holds {@code job.responseMaxBytes} of UTF-8 at its largest. */
    String largeText();

    /** DDL giving an existing column a new definition ({@code name TYPE ...}). */
    default String modifyColumn(String table, String definition) {
        return "ALTER TABLE " + table + " MODIFY COLUMN " + definition;
    }

    /** DDL adding a unique index to an existing table, under the name {@link #createTableIfAbsent} gives it. */
    String addUniqueIndex(String table, Index index);

    /**
     * An insert of one row into {@code table} that does nothing (and counts no row) when the row's unique key is
     * already there. {@code columns} lists the columns; every value is a parameter. Not INSERT IGNORE: that
     * would also turn a refused value (too long, out of range) into a silent warning.
     */
    default String insertIgnoringDuplicate(String table, List<String> columns) {
        return insertRow(table, columns) + " ON DUPLICATE KEY UPDATE " + columns.getFirst() + " = " + columns.getFirst();
    }

    /**
     * An insert of one row into {@code table} that, when the row's unique key is already there, overwrites that row
     * with the new values while its {@code guardColumn} is {@code guardValue}, and otherwise leaves it as it is.
     * Every value is a parameter, in the order of {@code columns}. The guard column is assigned last: MySQL assigns
     * left to right, each assignment seeing the ones before, so every other assignment still sees the old guard.
     */
    default String insertOrUpdateWhile(String table, List<String> columns, String guardColumn, String guardValue) {
        List<String> guardLast = new ArrayList<>(columns);
        guardLast.remove(guardColumn);
        guardLast.add(guardColumn);
        String guard = guardColumn + " = " + guardValue;
        return insertRow(table, columns) + " ON DUPLICATE KEY UPDATE " + String.join(", ", guardLast.stream()
                .map(column -> column + " = CASE WHEN " + guard + " THEN VALUES(" + column + ") ELSE " + column + " END")
                .toList());
    }

    /** {@code INSERT INTO table (columns) VALUES (?, ...)}: every value a parameter. */
    private static String insertRow(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** A secondary index; a unique one refuses a second row with the same values. */
    record Index(String name, String columns, boolean unique) {

        public Index(String name, String columns) {
            this(name, columns, false);
        }
    }
}
