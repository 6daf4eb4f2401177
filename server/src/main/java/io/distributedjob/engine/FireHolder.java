package io.distributedjob.engine;

import java.util.List;

import io.distributedjob.execution.Fire;

/** Where the claim step puts the fires it wins: the in-memory timer and the executor, in a running engine. */
interface FireHolder {

    /** Fires this instance holds that have not started: on its timer, or waiting in the executor for a worker. */
    int held();

    /** Holds claimed fires until their instant. */
    void hold(List<Fire> fires);

    /** Records a claimed fire as not run, for {@code reason}. */
    void skip(Fire fire, String reason);
}
