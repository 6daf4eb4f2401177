package io.distributedjob.alert;

import io.distributedjob.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class AlertingH2Test extends H2ServerTest implements AlertingSuite {

    @Autowired
    private ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
