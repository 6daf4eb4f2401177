package io.distributedjob.bench;

/** The measurements of one benchmark run. */
record Result(String kind, String database, long expected, RecordScan scan, double setupSeconds,
              double secondsUntilOnTime, double firesPerSecond,
              Percentiles startLateness, Percentiles arrivalLateness, long targetCalls, double cpuCores,
              double cpuSeconds, long maxHeapMb, long maxRssMb) {

    static final String HEADER = "| scenario | database | fires/s | expected | recorded | lost | duplicates"
            + " | scheduler failed | target failed | running when read | stalled recorded / timed out / longest (ms)"
            + " | start lateness p50/p99/max (ms) | arrival lateness p50/p99/max (ms) | server CPU (cores)"
            + " | server CPU per fire (ms) | heap max (MB) | RSS max (MB) | set-up (s) | on time after (s)"
            + " | misfire records / tasks / repeated |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    String row() {
        return "| %s | %s | %.0f | %d | %d | %d | %d | %d | %d | %d | %d / %d / %d | %d / %d / %d | %d / %d / %d | %.2f | %.3f | %d | %d | %.1f | %s | %d / %d / %d |"
                .formatted(kind, database, firesPerSecond, expected, scan.records, Math.max(0, expected - scan.distinct),
                        scan.records - scan.distinct, scan.schedulerFailed, scan.targetFailed, scan.stillRunning, scan.stalledRecords,
                        scan.stalledTimedOut, scan.stalledLongestMillis, startLateness.p50(), startLateness.p99(), startLateness.max(),
                        arrivalLateness.p50(), arrivalLateness.p99(), arrivalLateness.max(), cpuCores, cpuMillisPerFire(),
                        maxHeapMb, maxRssMb, setupSeconds, secondsUntilOnTime < 0 ? "never" : "%.1f".formatted(secondsUntilOnTime),
                        scan.misfireRecords, scan.misfiredTasks(), scan.repeatedMisfires());
    }

    /** Server CPU time over the window divided by the fires recorded in it: less sensitive to load than wall time. */
    double cpuMillisPerFire() {
        return scan.records == 0 ? 0 : cpuSeconds * 1000 / scan.records;
    }
}
