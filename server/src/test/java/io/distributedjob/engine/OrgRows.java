package io.distributedjob.engine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Department rows written straight into a test database. */
final class OrgRows {

    private OrgRows() {
    }

    /** A new department under no parent with the given status (0 disabled, 1 enabled); returns its id. */
    static long department(JdbcClient jdbc, int status) {
        return department(jdbc, status, null);
    }

    /** A new department under {@code parentId} (null: none) with the given status; returns its id. */
    static long department(JdbcClient jdbc, int status, Long parentId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO department (name, description, parent_id, status) VALUES (?, NULL, ?, ?)")
                .params("department-" + System.nanoTime(), parentId, status).update(keys, "id");
        return keys.getKey().longValue();
    }
}
