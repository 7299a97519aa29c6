package org.neuromf.core.util;

import java.util.Arrays;

/** Mean and sample SD of one quantity measured over repeated runs (seeds). */
public final class SeedStatistics {

    private SeedStatistics() {
    }

    /** The mean; NaN for no values. */
    public static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    /** The sample SD (n - 1 in the denominator; 0 for one value). */
    public static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / Math.max(1, x.length - 1));
    }
}
