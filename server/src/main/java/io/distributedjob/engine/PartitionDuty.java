package io.distributedjob.engine;

import java.time.Instant;

import io.distributedjob.cluster.WorkPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With etcd, instead of balancing counts: tasks are split over the live members by hashing, so after a member joins
 * or goes, this instance stops claiming the tasks that are now another member's and, once each such task's fires
 * are recorded (or handed on), ends its lease so that the new owner claims it without waiting.
 */
record PartitionDuty(WorkPartition partition, HeldFires held) implements RoundDuty {

    private static final Logger log = LoggerFactory.getLogger(PartitionDuty.class);

    @Override
    public String name() {
        return "partition hand-over";
    }

    @Override
    public void run(Instant now) {
        held.leased().markLeaving(taskId -> !partition.owns(taskId));
        int released = held.releaseLeaving(now);
        if (released > 0) {
            log.info("Ended the lease on {} tasks that are now other members' to claim", released);
        }
    }
}
