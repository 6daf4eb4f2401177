package io.distributedjob.record;

import io.distributedjob.support.EngineDatabase;

class RunningRecordsH2Test extends RunningRecordsSuite {

    @Override
    EngineDatabase openDatabase() {
        return EngineDatabase.h2();
    }
}
