package io.distributedjob.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.InstanceId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /instances}: the instances sharing the database, as their heartbeats describe them, oldest first.
 * Healthy means a heartbeat within one lease; {@code self} marks the instance that answers.
 */
@RestController
class InstanceController {

    private final ClusterMembers members;
    private final ClusterHealth health;
    private final InstanceId self;
    private final Clock clock;

    InstanceController(ClusterMembers members, ClusterHealth health, InstanceId self, Clock clock) {
        this.members = members;
        this.health = health;
        this.self = self;
        this.clock = clock;
    }

    @GetMapping("/instances")
    @RequirePermission(Permissions.TASK_VIEW)
    ApiResponse<List<InstanceView>> list() {
        return ApiResponse.ok(members.all().stream().map(member -> new InstanceView(member.id(), member.host(),
                member.version(), at(member.started()), at(member.lastHeartbeat()), member.firesClaimed(),
                member.firesRunning(), health.healthy(member), member.id().equals(self.value()))).toList());
    }

    private OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, clock.getZone());
    }

    record InstanceView(String id, String host, String version, OffsetDateTime started, OffsetDateTime lastHeartbeat,
                        long firesClaimed, int firesRunning, boolean healthy, boolean self) {
    }
}
