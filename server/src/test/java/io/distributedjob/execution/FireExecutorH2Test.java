package io.distributedjob.execution;

import io.distributedjob.support.EngineDatabase;

class FireExecutorH2Test extends FireExecutorSuite {

    @Override
    EngineDatabase openDatabase() {
        return EngineDatabase.h2();
    }
}
