package org.neuromf.core.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.neuromf.core.param.ParameterException;

/**
 * The interspike intervals of one presynaptic neuron, a stationary renewal process of a given rate
 * f: either a {@link ShiftedGamma} (the parametric model a user sets) or the {@link Empirical}
 * distribution of intervals measured from a cell's own output (what the self-consistent loop
 * feeds back). Poisson is the shifted gamma of dead time 0 and shape 1.
 */
public sealed interface SpikeTrainModel permits SpikeTrainModel.ShiftedGamma, SpikeTrainModel.Empirical {

    SpikeTrainModel POISSON = new ShiftedGamma(0, 1);

    boolean isPoisson();

    /** The CV of the intervals at rate f. */
    double cv(double rate);

    /** One interval at rate f (Hz, positive), in s. */
    double interval(SplittableRandom rng, double rate);

    /**
     * The time to the first spike of a train observed from a random moment (the forward recurrence
     * time of the stationary process): a uniform fraction of a length-biased interval.
     */
    double firstInterval(SplittableRandom rng, double rate);

    /**
     * A dead time {@code refractory} (s) plus a gamma-distributed part of shape {@code shape}. At
     * rate f the gamma part has mean 1/f - refractory, so the CV of the intervals is
     * (1 - f refractory) / sqrt(shape). At rates so high that 1/f would not exceed the dead time,
     * the dead time shrinks to half the mean interval: the train stays a renewal process of rate f.
     */
    record ShiftedGamma(double refractory, double shape) implements SpikeTrainModel {

        /** The gamma parts of shape below this behave like bursts of zero intervals; no cell here fires like that. */
        private static final double SMALLEST_SHAPE = 0.05;

        public ShiftedGamma {
            if (!(refractory >= 0 && refractory < 1)) {
                throw ParameterException.outOfRange("refractory_ms", refractory * 1e3, "[0, 1000) ms",
                        "dead time of the presynaptic trains");
            }
            if (!(shape >= SMALLEST_SHAPE && shape <= 1e4)) {
                throw ParameterException.outOfRange("isi_shape", shape, "[" + SMALLEST_SHAPE + ", 1e4]",
                        "gamma shape of the presynaptic intervals");
            }
        }

        @Override
        public boolean isPoisson() {
            return refractory == 0 && shape == 1;
        }

        /** The dead time in force at rate f (s). */
        double deadTime(double rate) {
            return Math.min(refractory, 0.5 / rate);
        }

        @Override
        public double cv(double rate) {
            return (1 - rate * deadTime(rate)) / Math.sqrt(shape);
        }

        @Override
        public double interval(SplittableRandom rng, double rate) {
            double dead = deadTime(rate);
            return dead + Gamma.sample(rng, shape) * (1 / rate - dead) / shape;
        }

        /**
         * The length-biased shifted gamma is a mixture: the dead time's share gives a gamma of the
         * same shape, the gamma part's share a gamma of shape + 1.
         */
        @Override
        public double firstInterval(SplittableRandom rng, double rate) {
            double dead = deadTime(rate);
            double scale = (1 / rate - dead) / shape;
            double mean = dead + shape * scale;
            double k = rng.nextDouble() * mean < dead ? shape : shape + 1;
            return rng.nextDouble() * (dead + Gamma.sample(rng, k) * scale);
        }

        /** Gamma variates of unit scale (Marsaglia and Tsang 2000; shapes below 1 by the U^(1/k) boost). */
        private static final class Gamma {

            private Gamma() {
            }

            static double sample(SplittableRandom rng, double shape) {
                if (shape == 1) {
                    return -Math.log1p(-rng.nextDouble());
                }
                if (shape < 1) {
                    return sample(rng, shape + 1) * Math.pow(1 - rng.nextDouble(), 1 / shape);
                }
                double d = shape - 1.0 / 3;
                double c = 1 / Math.sqrt(9 * d);
                while (true) {
                    double x = rng.nextGaussian();
                    double v = 1 + c * x;
                    if (v <= 0) {
                        continue;
                    }
                    v = v * v * v;
                    double u = rng.nextDouble();
                    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                        return d * v;
                    }
                }
            }
        }
    }

    /**
     * Intervals drawn from measured ones, scaled to mean 1/f: the whole shape of the interval
     * distribution, not only its first moments. The conductance a synapse makes fluctuates on the
     * synaptic and membrane time scales (a few ms), where a train's power spectrum depends on the
     * short intervals, which a distribution matched by mean, CV and skewness gets wrong (for the
     * HH network's inhibitory and excitatory trains it overstates the power: docs/mean-field.md).
     */
    final class Empirical implements SpikeTrainModel {

        /** The measured intervals divided by their mean, in increasing order. */
        private final double[] unitIntervals;
        /** Their running sums, for length-biased draws. */
        private final double[] cumulative;

        private Empirical(double[] unitIntervals, double[] cumulative) {
            this.unitIntervals = unitIntervals;
            this.cumulative = cumulative;
        }

        /** The distribution of these positive intervals (any unit: only their ratios count). */
        public static Empirical of(double[] intervals) {
            if (intervals.length == 0) {
                throw new IllegalArgumentException("an empirical interval distribution needs intervals");
            }
            double[] u = intervals.clone();
            Arrays.sort(u);
            if (!(u[0] > 0) || !Double.isFinite(u[u.length - 1])) {
                throw new IllegalArgumentException("intervals must be positive and finite");
            }
            double sum = 0;
            for (double x : u) {
                sum += x;
            }
            double mean = sum / u.length;
            double[] c = new double[u.length];
            double running = 0;
            for (int i = 0; i < u.length; i++) {
                u[i] /= mean;
                running += u[i];
                c[i] = running;
            }
            return new Empirical(u, c);
        }

        @Override
        public boolean isPoisson() {
            return false;
        }

        @Override
        public double cv(double rate) {
            double s2 = 0;
            for (double x : unitIntervals) {
                s2 += (x - 1) * (x - 1);
            }
            return Math.sqrt(s2 / unitIntervals.length);
        }

        @Override
        public double interval(SplittableRandom rng, double rate) {
            return unitIntervals[rng.nextInt(unitIntervals.length)] / rate;
        }

        /** Interval i is picked with probability proportional to its length. */
        @Override
        public double firstInterval(SplittableRandom rng, double rate) {
            double target = rng.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, target);
            i = Math.min(i < 0 ? -i - 1 : i, unitIntervals.length - 1);
            return rng.nextDouble() * unitIntervals[i] / rate;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Empirical e && Arrays.equals(unitIntervals, e.unitIntervals);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(unitIntervals);
        }

        @Override
        public String toString() {
            return "Empirical[" + unitIntervals.length + " intervals, CV " + cv(1) + "]";
        }
    }
}
