package io.distributedjob.engine;

import io.distributedjob.support.EngineDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class ClaimProtocolH2Test implements ClaimProtocolSuite {

    private EngineDatabase db;

    @BeforeEach
    void open() {
        db = EngineDatabase.h2();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    public EngineDatabase db() {
        return db;
    }
}
