package io.distributedjob.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.distributedjob.cluster.LeaderElection;
import io.distributedjob.cluster.MemberGone;

/**
 * Each round: takes over at once from the members the cluster reported gone. Every half lease, on the leader (every
 * instance without etcd): takes over the fires of instances whose database heartbeat fell silent, and forgets
 * deletions every instance has seen.
 */
final class ReapingDuty implements RoundDuty {

    /** How long a deletion is remembered for the other instances: far longer than any of their poll rounds. */
    static final Duration DELETIONS_KEPT = Duration.ofHours(1);

    private final LeaseReaper reaper;
    private final ClaimStore store;
    private final Duration interval;
    private final LeaderElection leader;
    private final Queue<MemberGone> gone = new ConcurrentLinkedQueue<>();
    private Instant next = Instant.MIN;

    ReapingDuty(LeaseReaper reaper, ClaimStore store, Duration lease, LeaderElection leader) {
        this.reaper = reaper;
        this.store = store;
        this.interval = lease.dividedBy(2);
        this.leader = leader;
    }

    /** Called on the cluster's thread; the takeover runs in the next round, on the loop's thread. */
    void memberGone(MemberGone member) {
        gone.add(member);
    }

    @Override
    public String name() {
        return "taking over from silent instances";
    }

    @Override
    public void run(Instant now) {
        // A report leaves the queue only once its takeover ran: one that failed is tried again next round.
        for (MemberGone member = gone.peek(); member != null; member = gone.peek()) {
            reaper.takeOverGone(member.instanceId(), member.revision());
            gone.remove();
        }
        if (now.isBefore(next) || !leader.isLeader()) {
            return;
        }
        next = now.plus(interval);
        reaper.reap(now);
        store.forgetDeletions(now.minus(DELETIONS_KEPT));
    }
}
