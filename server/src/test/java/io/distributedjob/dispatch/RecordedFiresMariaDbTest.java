package io.distributedjob.dispatch;

import io.distributedjob.support.EngineDatabase;

class RecordedFiresMariaDbTest extends RecordedFiresSuite {

    @Override
    EngineDatabase database() {
        return EngineDatabase.mariaDb();
    }
}
