package io.distributedjob.org;

import io.distributedjob.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DepartmentApiH2Test extends H2ServerTest implements DepartmentApiSuite {

    @Autowired
    private JdbcTemplate jdbc;

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
