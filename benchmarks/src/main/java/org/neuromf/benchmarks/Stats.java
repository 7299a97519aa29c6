package org.neuromf.benchmarks;

/** Mean and sample SD of repeated measurements. */
final class Stats {

    private Stats() {
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The sample SD (n - 1 in the denominator; 0 for one value). */
    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / Math.max(1, x.length - 1));
    }
}
