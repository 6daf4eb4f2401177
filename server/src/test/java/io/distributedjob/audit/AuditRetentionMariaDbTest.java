package io.distributedjob.audit;

import io.distributedjob.support.EngineDatabase;
import org.junit.jupiter.api.AfterEach;

class AuditRetentionMariaDbTest implements AuditRetentionSuite {

    private final EngineDatabase database = EngineDatabase.mariaDb();

    @Override
    public EngineDatabase database() {
        return database;
    }

    @AfterEach
    void close() {
        database.close();
    }
}
