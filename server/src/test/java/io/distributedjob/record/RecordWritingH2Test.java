package io.distributedjob.record;

import io.distributedjob.support.EngineDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class RecordWritingH2Test implements RecordWritingSuite {

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
