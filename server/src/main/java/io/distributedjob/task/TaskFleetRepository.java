package io.distributedjob.task;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.distributedjob.storage.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The task table for work on many tasks at once: names taken, batch inserts, whole-scope reads. */
@Repository
class TaskFleetRepository {

    /** Rows per JDBC batch and names per {@code IN} list: large enough to be fast, small enough for any driver. */
    static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TaskFleetRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Which of {@code names} some task already carries (one query per {@value #CHUNK} names). */
    Set<String> namesTaken(Collection<String> names) {
        Set<String> taken = new HashSet<>();
        List<String> all = List.copyOf(new HashSet<>(names));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            taken.addAll(jdbc.sql("SELECT name FROM task WHERE name IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(chunk).query(String.class).list());
        }
        return taken;
    }

    /** Every task the filter finds, oldest first. */
    List<Task> all(TaskFilter filter) {
        TaskRepository.Where where = TaskRepository.where(filter);
        return jdbc.sql("SELECT " + TaskRows.columns("t") + " FROM task t" + where.sql() + " ORDER BY t.id")
                .params(where.params()).query((rs, n) -> TaskRows.map(rs)).list();
    }

    /** Inserts the definitions in JDBC batches; the caller holds the transaction. */
    void insertAll(List<Planned> rows, long creatorId, Instant now) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Planned> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            template.batchUpdate(TaskRows.INSERT,
                    chunk, chunk.size(), (statement, row) -> bind(statement, row, creatorId, now));
        }
    }

    private static void bind(PreparedStatement s, Planned row, long creatorId, Instant now) throws SQLException {
        List<Object> values = TaskRows.insertValues(row.definition(), row.next(), creatorId, now);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setObject(i + 1, values.get(i));
            }
        }
    }

    /** A definition ready to insert with the engine's first cursor ({@code next}, null when disabled). */
    record Planned(TaskDefinition definition, Instant next) {
    }
}
