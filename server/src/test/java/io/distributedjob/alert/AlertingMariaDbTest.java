package io.distributedjob.alert;

import io.distributedjob.support.MariaDbServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class AlertingMariaDbTest extends MariaDbServerTest implements AlertingSuite {

    @Autowired
    private ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
