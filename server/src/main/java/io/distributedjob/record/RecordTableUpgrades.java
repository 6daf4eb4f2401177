package io.distributedjob.record;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.distributedjob.config.JobSettings;
import io.distributedjob.storage.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings a month table made by an earlier version up to today's layout before this process writes to it: the
 * columns added since ({@link RecordColumns#ADDED}), the response column made large enough for {@code job.responseMaxBytes} (it was TEXT, 64 KiB on MySQL), and the
 * unique key on the fire added, after removing the second and later records of any fire recorded twice. Month
 * tables are made on demand, so a schema migration cannot reach them; each is upgraded at its first write.
 */
final class RecordTableUpgrades {

    private static final Logger log = LoggerFactory.getLogger(RecordTableUpgrades.class);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final RecordTables tables;

    RecordTableUpgrades(JdbcTemplate jdbc, SqlDialect dialect, RecordTables tables) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.tables = tables;
    }

    /** Does nothing to a table that does not exist yet or is up to date. */
    void upgrade(String table) {
        Layout layout = jdbc.execute((ConnectionCallback<Layout>) connection -> read(connection.getMetaData(),
                connection.getCatalog(), connection.getSchema(), table));
        if (layout == null) {
            return;
        }
        for (String column : RecordColumns.ADDED) {
            if (!layout.columns().contains(column)) {
                addColumn(table, RecordColumns.named(column).definition(dialect));
            }
        }
        if (layout.responseBytes() < JobSettings.MAX_RESPONSE_BYTES) {
            jdbc.execute(dialect.modifyColumn(table, tables.responseColumn()));
            log.info("Record table {}: response column widened to hold {} bytes", table, JobSettings.MAX_RESPONSE_BYTES);
        }
        if (!layout.onePerFire()) {
            int removed = jdbc.update("DELETE FROM " + table + " WHERE id IN (SELECT id FROM (SELECT later.id FROM "
                    + table + " later JOIN " + table + " first ON first.task_id = later.task_id"
                    + " AND first.scheduled_time = later.scheduled_time AND first.id < later.id) duplicates)");
            try {
                jdbc.execute(dialect.addUniqueIndex(table, RecordTables.ONE_PER_FIRE));
            } catch (DataAccessException e) {
                // another instance upgrading the same table at the same moment added it first
                log.debug("Record table {}: unique key not added here: {}", table, e.toString());
            }
            log.info("Record table {}: one record per fire from now on ({} repeated records removed)", table, removed);
        }
    }

    private void addColumn(String table, String definition) {
        try {
            jdbc.execute("ALTER TABLE " + table + " ADD COLUMN " + definition);
            log.info("Record table {}: column {} added", table, definition);
        } catch (DataAccessException e) {
            // another instance upgrading the same table at the same moment added it first
            log.debug("Record table {}: column not added here: {}", table, e.toString());
        }
    }

    private static Layout read(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        long responseBytes;
        try (ResultSet columns = meta.getColumns(catalog, schema, table, "response")) {
            if (!columns.next()) {
                return null;
            }
            responseBytes = columns.getLong("COLUMN_SIZE");
        }
        Set<String> columns = new HashSet<>();
        try (ResultSet all = meta.getColumns(catalog, schema, table, null)) {
            while (all.next()) {
                columns.add(all.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        boolean onePerFire = false;
        try (ResultSet indexes = meta.getIndexInfo(catalog, schema, table, true, false)) {
            while (indexes.next()) {
                String name = indexes.getString("INDEX_NAME");
                onePerFire |= name != null
                        && name.toLowerCase(Locale.ROOT).endsWith(RecordTables.ONE_PER_FIRE.name());
            }
        }
        return new Layout(responseBytes, onePerFire, columns);
    }

    private record Layout(long responseBytes, boolean onePerFire, Set<String> columns) {
    }
}
