package io.distributedjob.org;

import io.distributedjob.support.MariaDbServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DepartmentApiMariaDbTest extends MariaDbServerTest implements DepartmentApiSuite {

    @Autowired
    private JdbcTemplate jdbc;

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
