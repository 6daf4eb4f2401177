package io.distributedjob.record;

import io.distributedjob.support.EngineDatabase;

class RunningRecordsMariaDbTest extends RunningRecordsSuite {

    @Override
    EngineDatabase openDatabase() {
        return EngineDatabase.mariaDb();
    }
}
