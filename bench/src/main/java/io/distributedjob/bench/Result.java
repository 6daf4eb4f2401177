package io.distributedjob.bench;

/** The measurements of one benchmark run. */
record Result(String database, long expected, long recorded, long distinct, long failed, double firesPerSecond,
              Percentiles startLateness, Percentiles arrivalLateness, long targetCalls, double cpuCores,
              long maxHeapMb, long maxRssMb) {

    static final String HEADER = "| database | fires/s | expected | recorded | lost | duplicates | failed"
            + " | start lateness p50/p99/max (ms) | arrival lateness p50/p99/max (ms) | server CPU (cores) | heap max (MB) | RSS max (MB) |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|";

    String row() {
        return "| %s | %.0f | %d | %d | %d | %d | %d | %d / %d / %d | %d / %d / %d | %.2f | %d | %d |".formatted(
                database, firesPerSecond, expected, recorded, Math.max(0, expected - distinct), recorded - distinct,
                failed, startLateness.p50(), startLateness.p99(), startLateness.max(), arrivalLateness.p50(),
                arrivalLateness.p99(), arrivalLateness.max(), cpuCores, maxHeapMb, maxRssMb);
    }
}
