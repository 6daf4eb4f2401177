package io.distributedjob.audit;

import io.distributedjob.support.EngineDatabase;
import org.junit.jupiter.api.AfterEach;

class AuditRetentionH2Test implements AuditRetentionSuite {

    private final EngineDatabase database = EngineDatabase.h2();

    @Override
    public EngineDatabase database() {
        return database;
    }

    @AfterEach
    void close() {
        database.close();
    }
}
