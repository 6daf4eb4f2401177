package io.distributedjob.cluster;

import io.distributedjob.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class InstancesApiH2Test extends H2ServerTest implements InstancesApiSuite {

    @Autowired
    private JdbcClient jdbc;

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }
}
