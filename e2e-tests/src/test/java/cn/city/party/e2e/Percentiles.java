package cn.city.party.e2e;

import java.util.List;

/** The percentiles the benchmark and load programs print. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The {@code p}th percentile of {@code sorted} (ascending) by nearest rank: the smallest sample with at least
     * {@code p} % of the samples at or below it, always one of the samples.
     */
    public static long nearestRank(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no samples, so no " + p + "th percentile");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + p);
        }
        // the rank ⌈p/100 × n⌉ in whole numbers, where a double could land just above a whole rank
        int rank = (int) ((p * (long) sorted.size() + 99) / 100);
        return sorted.get(rank - 1);
    }
}
