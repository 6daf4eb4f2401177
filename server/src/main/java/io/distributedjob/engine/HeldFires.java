package io.distributedjob.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.distributedjob.dispatch.FireDispatch;
import io.distributedjob.execution.FireRecords;
import io.distributedjob.execution.Fire;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.record.RecordWriter;
import io.distributedjob.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claimed fires this instance holds: on the in-memory timer until their instant, then on the executor until
 * recorded (or, with Kafka, until the broker has it). A fire that comes due while the instance is fenced (its heartbeat not renewed within the lease, so
 * another instance may be taking its rows over) is not started: it is parked, and handed back to the database
 * once the heartbeat is renewed. So is a fire that came due before and was still waiting for a worker when the
 * fence closed.
 */
final class HeldFires implements FireHolder {

    private static final Logger log = LoggerFactory.getLogger(HeldFires.class);

    private final Clock clock;
    private final String self;
    private final ClaimStore store;
    private final FireExecutor executor;
    private final FireDispatch dispatch;
    private final RecordWriter records;
    private final Fence fence;
    private final OutstandingFires outstanding = new OutstandingFires();
    private final LeasedRows leased = new LeasedRows();
    private final FireTimer timer;
    private final List<Fire> parked = new ArrayList<>();

    HeldFires(Clock clock, String self, ClaimStore store, FireExecutor executor, FireDispatch dispatch,
              RecordWriter records, Fence fence) {
        this.clock = clock;
        this.self = self;
        this.store = store;
        this.executor = executor;
        this.dispatch = dispatch;
        this.records = records;
        this.fence = fence;
        this.timer = new FireTimer(clock, this::dispatch);
    }

    OutstandingFires outstanding() {
        return outstanding;
    }

    LeasedRows leased() {
        return leased;
    }

    void start() {
        timer.start();
    }

    @Override
    public int held() {
        return timer.pending() + executor.waiting();
    }

    @Override
    public void hold(List<Fire> fires) {
        timer.schedule(fires);
    }

    @Override
    public void skip(Fire fire, String reason) {
        records.write(FireRecords.notRun(fire, clock.instant(), reason, self),
                () -> outstanding.remove(fire.task().id(), fire.scheduledTime()));
    }

    /** Fires asked for by a person start at once, claimed ones unless fenced. */
    void dispatch(Fire fire) {
        if (!fire.claimed()) {
            executor.submit(fire, null);
            return;
        }
        if (!mayStart()) {
            park(fire);
            return;
        }
        // asked again when the fire takes a worker: it may wait for one while the fence closes
        dispatch.dispatch(fire, this::mayStart).whenComplete((handedOn, error) -> {
            if (error == null) {
                outstanding.remove(fire.task().id(), fire.scheduledTime());
            } else {
                if (!(error instanceof FireDispatch.NotStarted)) {
                    log.warn("Fire {} could not be handed on ({}): it goes back to the database", fire.fireId(),
                            error.toString());
                }
                park(fire);
            }
        });
    }

    /** Whether this instance may start a claimed fire now: not while it is fenced. */
    private boolean mayStart() {
        return !fence.closed(clock.instant());
    }

    private void park(Fire fire) {
        synchronized (parked) {
            parked.add(fire);
        }
    }

    /**
     * Brings the fires held for {@code task} in line with its current definition: dropped when it no longer
     * fires or fires at other times, otherwise run with the new definition. A row still at the version this
     * instance's claim gave it was not edited since that claim, whatever the edits duty reports (it reads from a
     * margin before its last round, so an edit made just before the claim comes back after it): its fires stay as
     * claimed. Revising them against such a row would drop the fire of a once-only task, which its own claim
     * disables.
     */
    void revise(Task task) {
        Long claimedVersion = leased.version(task.id());
        if (claimedVersion != null && claimedVersion == task.cursor().version()) {
            return;
        }
        dropClaimed(timer.revise(task.id(), fire -> {
            Task held = fire.task();
            if (!task.scheduled() || !held.sameScheduleAs(task)) {
                return null;
            }
            return held.stamps().updateTime().equals(task.stamps().updateTime()) ? fire : fire.withTask(task);
        }));
    }

    void deleted(long taskId) {
        dropClaimed(timer.revise(taskId, fire -> null));
        leased.forget(taskId);
    }

    /**
     * After the heartbeat was renewed: fires parked while fenced, or that could not be handed on, go back to the
     * database, to be claimed again.
     */
    void handBackParked() {
        List<Fire> fires;
        synchronized (parked) {
            if (parked.isEmpty()) {
                return;
            }
            fires = new ArrayList<>(parked);
            parked.clear();
        }
        log.warn("{} fires came due while this instance's lease had lapsed or could not be handed on: handing them back",
                fires.size());
        handBack(fires);
    }

    /**
     * The cluster fenced this instance for a while: others may have taken some of its rows over. Every fire it holds
     * goes back to the database; the hand-back is conditional on the row's version, so a row taken over meanwhile is
     * left as the takeover set it and the others are claimed again (by any instance).
     */
    void handBackAll() {
        List<Fire> fires = new ArrayList<>(timer.takeAll());
        synchronized (parked) {
            fires.addAll(parked);
            parked.clear();
        }
        if (!fires.isEmpty()) {
            log.warn("Handing back {} claimed fires held while this instance was fenced by the cluster", fires.size());
            handBack(fires);
        }
    }

    /**
     * This instance was taken for dead: its rows were taken over, so none of the fires it holds may start here.
     * Fires already running are still recorded (the record of a fire is written once, whoever writes it first).
     */
    void voidClaims() {
        List<Fire> dropped = new ArrayList<>(timer.takeAll());
        synchronized (parked) {
            dropped.addAll(parked);
            parked.clear();
        }
        dropClaimed(dropped);
        leased.forgetAll();
        if (!dropped.isEmpty()) {
            log.warn("Dropped {} claimed fires that another instance has taken over", dropped.size());
        }
    }

    /** Stops the timer and hands back the fires that had not started. */
    void stop() {
        List<Fire> unstarted = new ArrayList<>(timer.stop());
        synchronized (parked) {
            unstarted.addAll(parked);
            parked.clear();
        }
        handBack(unstarted);
    }

    /**
     * Ends the lease on the leaving rows that have no fire outstanding here any more; the others' claims are left
     * to them until {@code leftUntil}. Returns how many rows were let go.
     */
    int releaseLeaving(Instant leftUntil) {
        List<long[]> releasable = leased.releasable(outstanding::holds);
        if (releasable.isEmpty()) {
            return 0;
        }
        store.endLeases(releasable, self);
        leased.handedOver(releasable, leftUntil);
        return releasable.size();
    }

    /** Fires waiting on the timer (for tests and diagnostics). */
    int pending() {
        return timer.pending();
    }

    private void dropClaimed(List<Fire> dropped) {
        for (Fire fire : dropped) {
            if (fire.claimed()) {
                outstanding.remove(fire.task().id(), fire.scheduledTime());
            }
        }
    }

    /**
     * Hands back claimed fires that had not started: each row's cursor goes back to its earliest such fire. The
     * lease is kept on rows whose task still runs here, so that they stay protected until recorded.
     */
    private void handBack(List<Fire> unstarted) {
        Map<Long, List<Fire>> byTask = new LinkedHashMap<>();
        for (Fire fire : unstarted) {
            if (fire.claimed()) {
                byTask.computeIfAbsent(fire.task().id(), id -> new ArrayList<>()).add(fire);
            }
        }
        List<ClaimStore.HandBack> rows = new ArrayList<>();
        for (Map.Entry<Long, List<Fire>> entry : byTask.entrySet()) {
            Fire first = entry.getValue().stream().min(Comparator.comparing(Fire::scheduledTime)).orElseThrow();
            Long version = leased.version(entry.getKey());
            if (version != null) {
                rows.add(new ClaimStore.HandBack(entry.getKey(), version, first.scheduledTime(), first.task().definition().status(),
                        executor.busy(entry.getKey())));
            }
        }
        try {
            store.handBack(rows, self);
        } catch (RuntimeException e) {
            log.warn("Could not hand back {} claimed fires; other instances take them after the lease: {}",
                    unstarted.size(), e.toString());
            return;
        }
        byTask.values().forEach(this::dropClaimed);
        byTask.keySet().forEach(leased::forget);
        if (!byTask.isEmpty()) {
            log.info("Handed back {} claimed fires that had not started", unstarted.size());
        }
    }
}
