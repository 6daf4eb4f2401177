package io.distributedjob.record;

import java.time.Clock;

import io.distributedjob.config.TracingSettings;
import io.distributedjob.support.EngineDatabase;

/** Record components built over a test database, for tests outside this package. */
public final class RecordFixtures {

    private RecordFixtures() {
    }

    public static RecordService service(EngineDatabase db, RecordTables tables, Clock clock) {
        return new RecordService(new RecordRepository(db.jdbcClient(), tables), tables, clock, new TracingSettings("", 1.0, ""));
    }
}
