package io.distributedjob.record;

/**
 * Figures over the execution records of a period.
 *
 * @param total       records
 * @param success     records that succeeded
 * @param fail        records that failed
 * @param successRate {@code success} in percent of {@code total} (0-100, two decimals; 0 without records)
 * @param avgCostTime mean execution time in milliseconds (two decimals)
 * @param maxCostTime longest execution time in milliseconds
 * @param retryTimes  retries made, all records together
 * @param fallbacks   records whose fallback target was called
 */
public record RecordTotals(long total, long success, long fail, double successRate, double avgCostTime,
                           long maxCostTime, long retryTimes, long fallbacks) {

    static RecordTotals of(Sums sums) {
        long total = sums.total();
        double rate = total == 0 ? 0 : RecordService.round(100.0 * sums.success() / total);
        double average = total == 0 ? 0 : RecordService.round((double) sums.cost() / total);
        return new RecordTotals(total, sums.success(), total - sums.success(), rate, average, sums.maxCost(),
                sums.retries(), sums.fallbacks());
    }

    /** Raw sums of one or more month tables, added up before the rates are worked out. */
    record Sums(long total, long success, long cost, long maxCost, long retries, long fallbacks) {

        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0);

        Sums plus(Sums other) {
            return new Sums(total + other.total, success + other.success, cost + other.cost,
                    Math.max(maxCost, other.maxCost), retries + other.retries, fallbacks + other.fallbacks);
        }
    }
}
