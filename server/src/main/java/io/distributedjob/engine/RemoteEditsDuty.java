package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;

import io.distributedjob.task.Task;

/**
 * Follows the edits and deletions made on other instances: the fires held for a changed task are revised, those
 * of a deleted one dropped. Reads from a margin before the last round, so an edit committed late is still seen.
 */
final class RemoteEditsDuty implements RoundDuty {

    private final ClaimStore store;
    private final HeldFires held;
    private final Duration margin;
    private Instant seen;

    RemoteEditsDuty(ClaimStore store, HeldFires held, Duration pollInterval, Instant start) {
        this.store = store;
        this.held = held;
        this.margin = pollInterval.multipliedBy(2);
        this.seen = start;
    }

    @Override
    public String name() {
        return "following edits made elsewhere";
    }

    @Override
    public void run(Instant now) {
        Instant from = seen.minus(margin);
        for (Task changed : store.changedSince(from)) {
            held.revise(changed);
        }
        store.deletedSince(from).forEach(held::deleted);
        seen = now;
    }
}
