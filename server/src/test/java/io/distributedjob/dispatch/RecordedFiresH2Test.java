package io.distributedjob.dispatch;

import io.distributedjob.support.EngineDatabase;

class RecordedFiresH2Test extends RecordedFiresSuite {

    @Override
    EngineDatabase database() {
        return EngineDatabase.h2();
    }
}
