package io.distributedjob.engine;

import java.util.List;

import io.distributedjob.execution.Fire;

/** Where the claim step puts the fires it wins: the in-memory timer and the executor, in a running engine. */
interface FireHolder {

    /** Fires this instance holds that have not started: on its timer, or waiting in the executor for a worker. */
    int held();

    /**
     * Fires that have ended and whose records wait beyond what a record writer keeping up has in hand. They are
     * still in memory, so they count against the room like held fires: a database too slow for the records then
     * slows claiming, and the fires wait in the task table (late, never dropped) instead of piling up here.
     */
    int unrecorded();

    /** Holds claimed fires until their instant. */
    void hold(List<Fire> fires);

    /** Records a claimed fire as not run, for {@code reason}. */
    void skip(Fire fire, String reason);
}
