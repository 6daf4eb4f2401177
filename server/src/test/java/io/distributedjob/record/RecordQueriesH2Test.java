package io.distributedjob.record;

import io.distributedjob.support.EngineDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class RecordQueriesH2Test implements RecordQueriesSuite {

    private EngineDatabase db;
    private RecordService service;

    @BeforeEach
    void open() {
        db = EngineDatabase.h2();
        service = RecordQueriesSuite.withRecords(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    public RecordService service() {
        return service;
    }
}
