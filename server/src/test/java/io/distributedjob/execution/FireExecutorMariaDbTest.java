package io.distributedjob.execution;

import io.distributedjob.support.EngineDatabase;

class FireExecutorMariaDbTest extends FireExecutorSuite {

    @Override
    EngineDatabase openDatabase() {
        return EngineDatabase.mariaDb();
    }
}
