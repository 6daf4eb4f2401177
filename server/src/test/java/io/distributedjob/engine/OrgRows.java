package io.distributedjob.engine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Department rows written straight into a test database. */
final class OrgRows {

    private OrgRows() {
    }

    /** A new department under no parent with the given status (0 disabled, 1 enabled); returns its id. */
    static long department(JdbcClient jdbc, int status) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO department (name, description, parent_id, status) VALUES (?, NULL, NULL, ?)")
                .params("department-" + System.nanoTime(), status).update(keys, "id");
        return keys.getKey().longValue();
    }
}
