package io.distributedjob.cluster;

import io.distributedjob.support.MariaDbServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class InstancesApiMariaDbTest extends MariaDbServerTest implements InstancesApiSuite {

    @Autowired
    private JdbcClient jdbc;

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }
}
