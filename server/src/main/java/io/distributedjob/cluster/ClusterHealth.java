package io.distributedjob.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.distributedjob.config.JobSettings;
import io.distributedjob.metrics.SchedulerMetrics;
import org.springframework.stereotype.Component;

/**
 * Which instances count as alive: those that sent a heartbeat within one lease, the same span after which the
 * others take over their fires. Feeds {@code distributedjob_instances}.
 */
@Component
class ClusterHealth {

    private final ClusterMembers members;
    private final Duration lease;
    private final Clock clock;

    ClusterHealth(ClusterMembers members, JobSettings job, Clock clock, SchedulerMetrics metrics) {
        this.members = members;
        this.lease = Duration.ofSeconds(job.leaseSeconds());
        this.clock = clock;
        metrics.watchInstances(this::aliveCount);
    }

    boolean healthy(ClusterMembers.Member member) {
        return !member.lastHeartbeat().isBefore(aliveSince());
    }

    int aliveCount() {
        return members.countAlive(aliveSince());
    }

    private Instant aliveSince() {
        return clock.instant().minus(lease);
    }
}
