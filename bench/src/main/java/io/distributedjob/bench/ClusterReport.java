package io.distributedjob.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The figures of one cluster harness run. A fire is lost when no successful record of it exists (the target always
 * answers 200, so a failed record is the scheduler's own failure). A duplicate delivery is put down to a kill when
 * its first call arrived before that kill and a later one after it (the dead instance had started the call: a
 * re-run under {@code RERUN}), or to the database cut when its first call arrived before the cut ended and a later
 * one after the cut began (the cut instance started a call it could not record); any other is a fire delivered
 * twice although it had not been started. Failover is the time from a kill to the first start, on
 * another instance, of a fire the dead instance held (one of its tasks, due within {@link #HELD} of the kill).
 */
record ClusterReport(long expected, long recordedFires, long lost, long duplicateRecords, long deliveries,
                     long duplicateDeliveries, long duplicatesStartedBeforeKill, long duplicatesAroundCut,
                     long duplicatesUnstarted, List<Long> failoverMs, List<Long> resumedMs, Percentiles lateness,
                     Percentiles arrivalLateness, List<ClusterHarness.Kill> kills, ClusterHarness.Cut cut, int tasks,
                     long seconds) {

    /** Fires of the dead instance's tasks due this soon after the kill were claimed by it, not by a survivor. */
    static final Duration HELD = Duration.ofSeconds(2);
    private static final Duration TASKS_SEEN = Duration.ofSeconds(3);
    private static final Duration TAKEOVER_HORIZON = Duration.ofSeconds(60);
    /** A call started this long before a kill (or the cut) and arriving again after it is still its doing. */
    private static final long KILL_REACH_MS = 30_000;

    static ClusterReport of(ClusterRecords records, int tasks, Instant from, Instant to, List<ClusterHarness.Kill> kills,
                            ClusterHarness.Cut cut, JsonNode stats, JsonNode duplicates) throws SQLException {
        long seconds = Duration.between(from, to).toSeconds();
        long expected = tasks * seconds;
        Map<String, long[]> fires = records.recordsPerFire(from, to);
        long succeeded = fires.values().stream().filter(counts -> counts[1] > 0).count();
        long duplicateRecords = fires.values().stream().mapToLong(counts -> Math.max(0, counts[0] - 1)).sum();
        long beforeKill = 0;
        long aroundCut = 0;
        long unstarted = 0;
        for (JsonNode fire : duplicates.get("fires")) {
            List<Long> arrivals = new ArrayList<>();
            fire.get("arrivals").forEach(at -> arrivals.add(at.asLong()));
            long first = arrivals.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = arrivals.stream().mapToLong(Long::longValue).max().orElseThrow();
            if (kills.stream().map(kill -> kill.at().toEpochMilli())
                    .anyMatch(at -> first <= at && last > at && at - first < KILL_REACH_MS)) {
                beforeKill++;
            } else if (first <= cut.to().toEpochMilli() && last > cut.from().toEpochMilli()
                    && cut.from().toEpochMilli() - first < KILL_REACH_MS) {
                aroundCut++;
            } else {
                unstarted++;
            }
        }
        List<Long> failover = new ArrayList<>();
        List<Long> resumed = new ArrayList<>();
        for (ClusterHarness.Kill kill : kills) {
            Set<Long> held = records.tasksOf(kill.executor(), kill.at().minus(TASKS_SEEN), kill.at());
            Map<Long, Instant> starts = records.firstStartsElsewhere(held, kill.executor(), kill.at(), kill.at().plus(HELD));
            // -1: no held fire of this kill was found (its table keeps the rows aligned with the kills)
            failover.add(starts.values().stream().min(Instant::compareTo)
                    .map(first -> Duration.between(kill.at(), first).toMillis()).orElse(-1L));
            Map<Long, Instant> later = records.firstStartsElsewhere(held, kill.executor(), kill.at(),
                    kill.at().plus(TAKEOVER_HORIZON));
            later.values().stream().max(Instant::compareTo)
                    .ifPresent(last -> resumed.add(Duration.between(kill.at(), last).toMillis()));
        }
        Percentiles arrival = new Percentiles(stats.get("p50").asLong(), stats.get("p99").asLong(), stats.get("max").asLong());
        return new ClusterReport(expected, fires.size(), expected - succeeded, duplicateRecords, stats.get("calls").asLong(),
                duplicates.get("fires").size(), beforeKill, aroundCut, unstarted, failover, resumed,
                Percentiles.of(records.lateness(from, to)), arrival, kills, cut, tasks, seconds);
    }

    String render(long seed) {
        StringBuilder text = new StringBuilder();
        text.append("DistributedJob cluster harness: 3 instances, etcd, MariaDB, ").append(tasks)
                .append(" every-second HTTP tasks, ").append(seconds).append(" s measured, ")
                .append(kills.size()).append(" kills, a ").append(Duration.between(cut.from(), cut.to()).toSeconds())
                .append(" s database cut of instance ").append(cut.node()).append(" (seed ").append(seed).append(")\n\n");
        text.append("| figure | value |\n|---|---|\n");
        row(text, "fires expected", expected);
        row(text, "fires recorded", recordedFires);
        row(text, "lost fires (no successful record)", lost);
        row(text, "duplicate records", duplicateRecords);
        row(text, "deliveries at the target", deliveries);
        row(text, "fires delivered more than once", duplicateDeliveries);
        row(text, "  of them started before a kill (re-run)", duplicatesStartedBeforeKill);
        row(text, "  of them started by the cut instance before or during the cut", duplicatesAroundCut);
        row(text, "  of them not started before (neither)", duplicatesUnstarted);
        Percentiles failover = Percentiles.of(failoverMs.stream().filter(ms -> ms >= 0).toList());
        Percentiles allResumed = Percentiles.of(resumedMs);
        row(text, "failover, kill to first takeover fire p50 / max (ms)", failover.p50() + " / " + failover.max());
        row(text, "kill to the last held task resumed p50 / max (ms)", allResumed.p50() + " / " + allResumed.max());
        row(text, "start lateness p50 / p99 / max (ms)", lateness.p50() + " / " + lateness.p99() + " / " + lateness.max());
        row(text, "arrival lateness p50 / p99 / max (ms)",
                arrivalLateness.p50() + " / " + arrivalLateness.p99() + " / " + arrivalLateness.max());
        text.append("\n| kill | instance | at | failover (ms) | restart (ms) |\n|---|---|---|---|---|\n");
        for (int i = 0; i < kills.size(); i++) {
            ClusterHarness.Kill kill = kills.get(i);
            text.append("| ").append(i + 1).append(" | ").append(kill.node()).append(" | ").append(kill.at()).append(" | ")
                    .append(failoverMs.get(i) < 0 ? "-" : failoverMs.get(i)).append(" | ")
                    .append(kill.restart().toMillis()).append(" |\n");
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String figure, Object value) {
        text.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }
}
