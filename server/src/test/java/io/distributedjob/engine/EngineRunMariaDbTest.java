package io.distributedjob.engine;

import io.distributedjob.support.EngineDatabase;
import io.distributedjob.support.TargetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class EngineRunMariaDbTest implements EngineRunSuite {

    private EngineDatabase db;
    private TargetServer target;

    @BeforeEach
    void open() {
        db = EngineDatabase.mariaDb();
        target = new TargetServer();
    }

    @AfterEach
    void close() {
        target.close();
        db.close();
    }

    @Override
    public EngineDatabase db() {
        return db;
    }

    @Override
    public TargetServer target() {
        return target;
    }
}
