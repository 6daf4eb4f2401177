package io.distributedjob.org;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The org feature's read ports over a bare database, for tests that assemble parts of the server by hand. */
public final class OrgDirectories {

    private OrgDirectories() {
    }

    public static DepartmentDirectory departments(JdbcTemplate jdbc) {
        return new DepartmentDirectory(new DepartmentRepository(JdbcClient.create(jdbc)));
    }
}
