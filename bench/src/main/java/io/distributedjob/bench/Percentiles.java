package io.distributedjob.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** p50, p99 and maximum of a list of millisecond values (nearest-rank). */
record Percentiles(long p50, long p99, long max) {

    static Percentiles of(List<Long> values) {
        if (values.isEmpty()) {
            return new Percentiles(-1, -1, -1);
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99), sorted.getLast());
    }

    private static long rank(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
