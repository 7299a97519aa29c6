package org.neuromf.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A population's response to a stimulus, measured alike on the mean of several network seeds and
 * on a mean field (docs/mean-field.md section 6), in bins of equal width after a transient:
 * <ul>
 * <li>a pulse (the double Gaussian): its rise above the baseline (the rate where the stimulus is
 * below 1 % of its maximum) at the maximum, the time of the peak as the centre of the response
 * above half its rise (the rise-weighted mean time between the half-rise crossings around the
 * maximum: a broad, noisy peak has no sharp maximum, and the time of the largest bin of one seed
 * scatters by some 60 ms in the HH network), the time of the maximum itself, and the value some time
 * after the stimulus peak, all read on a moving average of {@link #PULSE_SMOOTHING_MS};</li>
 * <li>a step: the onset overshoot ratio {@code (peak - baseline) / (plateau - baseline)} and the
 * relaxation time {@code area of (rate - plateau) from the peak to the offset / (peak - plateau)}
 * (exact for an exponential), with baseline the mean before the onset and plateau the mean over
 * the step's last third, the peak read on a moving average of {@link #STEP_SMOOTHING_MS}; a response whose
 * maximum lies in that last third does not overshoot, and has no relaxation time (NaN);</li>
 * <li>the correlation of the mean field with each seed, and the noise ceiling: the correlation
 * between two seeds, averaged over pairs, which bounds what any prediction of the mean response can
 * reach.</li>
 * </ul>
 * Both are smoothed the same way, so that the maximum of a noisy network trace does not stand for
 * a higher peak than the mean field's smooth one.
 */
public final class Response {

    /** The moving average under a pulse's peak (ms): the double Gaussian's peak is about 200 ms wide. */
    public static final double PULSE_SMOOTHING_MS = 50;
    /** The moving average under a step's overshoot (ms): it relaxes over about 30 ms. */
    public static final double STEP_SMOOTHING_MS = 25;

    /**
     * A pulse's peak time (the centre above half the rise, ms), the time of its maximum (ms), its
     * rise above the baseline (Hz) and the value at the requested time (Hz).
     */
    public record Pulse(double peakTime, double maximumTime, double peakRise, double valueAt) {
    }

    /** A step's overshoot ratio and relaxation time (ms). */
    public record Step(double overshootRatio, double relaxationTime) {
    }

    private Response() {
    }

    /** The mean over seeds, bin by bin. */
    public static double[] seedMean(List<double[]> seeds) {
        double[] mean = new double[seeds.get(0).length];
        for (double[] s : seeds) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += s[k] / seeds.size();
            }
        }
        return mean;
    }

    /**
     * The pulse of rates {@code r} in bins of {@code bin} ms starting at {@code from} ms, with
     * {@code drive} the external rate in the same bins; the value is read in the bin holding
     * {@code at} ms.
     */
    public static Pulse pulse(double[] r, double[] drive, double from, double bin, double at) {
        double[] smooth = Comparison.movingAverage(r, bins(PULSE_SMOOTHING_MS, bin));
        double lo = Comparison.min(drive);
        double baseline = Comparison.baseline(smooth, drive, lo, Comparison.max(drive) - lo);
        int peak = Comparison.argmax(smooth);
        double half = baseline + 0.5 * (smooth[peak] - baseline);
        int first = peak;
        while (first > 0 && smooth[first - 1] > half) {
            first--;
        }
        int last = peak;
        while (last < r.length - 1 && smooth[last + 1] > half) {
            last++;
        }
        double weights = 0;
        double times = 0;
        for (int j = first; j <= last; j++) {
            weights += smooth[j] - baseline;
            times += (from + (j + 0.5) * bin) * (smooth[j] - baseline);
        }
        int k = (int) Math.floor((at - from) / bin);
        return new Pulse(times / weights, from + (peak + 0.5) * bin, smooth[peak] - baseline,
                k >= 0 && k < r.length ? smooth[k] : Double.NaN);
    }

    /** The step of rates {@code r} in bins of {@code bin} ms, with {@code drive} in the same bins. */
    public static Step step(double[] r, double[] drive, double bin) {
        double lo = Comparison.min(drive);
        double half = lo + 0.5 * (Comparison.max(drive) - lo);
        int onset = -1;
        int offset = -1;
        for (int k = 0; k < drive.length; k++) {
            if (drive[k] > half) {
                onset = onset < 0 ? k : onset;
                offset = k + 1;
            }
        }
        if (onset < 1 || offset - onset < 3) {
            return new Step(Double.NaN, Double.NaN);
        }
        // the means and the area are of the rates themselves: smoothed, they would mix in the other side of
        // the onset and the offset (a 25 ms window lowered a plateau by 1.5 % of the step)
        double[] smooth = Comparison.movingAverage(r, bins(STEP_SMOOTHING_MS, bin));
        double baseline = mean(r, 0, onset);
        double plateau = mean(r, offset - (offset - onset) / 3, offset);
        int peak = onset;
        for (int k = onset; k < offset; k++) {
            peak = smooth[k] > smooth[peak] ? k : peak;
        }
        int lastThird = offset - (offset - onset) / 3;
        if (peak >= lastThird) {
            return new Step((smooth[peak] - baseline) / (plateau - baseline), Double.NaN);
        }
        double area = 0;
        for (int k = peak; k < offset; k++) {
            area += (r[k] - plateau) * bin;
        }
        return new Step((smooth[peak] - baseline) / (plateau - baseline), area / (smooth[peak] - plateau));
    }

    /** The mean over seeds of the correlation of each seed's rates with {@code prediction}. */
    public static double correlation(List<double[]> seeds, double[] prediction) {
        double sum = 0;
        for (double[] s : seeds) {
            sum += Comparison.correlation(s, prediction);
        }
        return sum / seeds.size();
    }

    /** The mean correlation between two seeds' rates, over every pair; NaN for fewer than 2 seeds. */
    public static double noiseCeiling(List<double[]> seeds) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < seeds.size(); i++) {
            for (int j = i + 1; j < seeds.size(); j++) {
                sum += Comparison.correlation(seeds.get(i), seeds.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /**
     * The jackknife standard error over seeds of a quantity computed from a set of seeds (the
     * measure of their mean trace, or the noise ceiling): {@code sqrt((n - 1) / n sum (x_-i - x_.)^2)}
     * over the n leave-one-seed-out values x_-i; NaN for fewer than 3 seeds (a ceiling needs 2
     * left) or where a value is not finite. It says how far the network's own value could be off for the
     * number of seeds run, against which a mean field's difference from it is judged.
     */
    public static double jackknifeError(List<double[]> seeds, ToDoubleFunction<List<double[]>> quantity) {
        int n = seeds.size();
        if (n < 3) {
            return Double.NaN;
        }
        double[] left = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            List<double[]> others = new ArrayList<>(seeds);
            others.remove(i);
            left[i] = quantity.applyAsDouble(others);
            mean += left[i] / n;
        }
        double sum = 0;
        for (double x : left) {
            sum += (x - mean) * (x - mean);
        }
        return Math.sqrt((n - 1.0) / n * sum);
    }

    private static int bins(double ms, double bin) {
        return Math.max(1, (int) Math.round(ms / bin));
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += x[k];
        }
        return s / (to - from);
    }
}
