package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.param.ParameterException;

/**
 * The interspike intervals of one presynaptic neuron, a renewal process: a dead time
 * {@code refractory} (s) plus a gamma-distributed part of shape {@code shape}. At rate f the gamma
 * part has mean 1/f - refractory, so the coefficient of variation of the intervals is
 * (1 - f refractory) / sqrt(shape). Poisson is refractory 0, shape 1.
 *
 * <p>At rates so high that 1/f would not exceed the dead time, the dead time shrinks to half the
 * mean interval: the train stays a renewal process of rate f.
 */
public record SpikeTrainModel(double refractory, double shape) {

    public static final SpikeTrainModel POISSON = new SpikeTrainModel(0, 1);

    /** The gamma parts of shape below this behave like bursts of zero intervals; no cell here fires like that. */
    private static final double SMALLEST_SHAPE = 0.05;

    public SpikeTrainModel {
        if (!(refractory >= 0 && refractory < 1)) {
            throw ParameterException.outOfRange("refractory_ms", refractory * 1e3, "[0, 1000) ms",
                    "dead time of the presynaptic trains");
        }
        if (!(shape >= SMALLEST_SHAPE && shape <= 1e4)) {
            throw ParameterException.outOfRange("isi_shape", shape, "[" + SMALLEST_SHAPE + ", 1e4]",
                    "gamma shape of the presynaptic intervals");
        }
    }

    /**
     * The shifted gamma with the same mean, SD and skewness as measured intervals: shape 4/skew^2,
     * the dead time what is left of the mean. Where that dead time would be negative (intervals less
     * skewed than the gamma of their CV, whose skewness is 2 CV) the dead time is 0 and the shape
     * comes from the CV alone.
     */
    public static SpikeTrainModel fromIntervals(double mean, double sd, double skewness) {
        if (!(mean > 0 && sd > 0)) {
            throw new IllegalArgumentException("interval statistics need a positive mean and SD: " + mean + ", " + sd);
        }
        double cv = sd / mean;
        if (skewness > 0) {
            double shape = 4 / (skewness * skewness);
            double refractory = mean - shape * sd / Math.sqrt(shape);
            if (refractory > 0) {
                return new SpikeTrainModel(refractory, Math.max(SMALLEST_SHAPE, shape));
            }
        }
        return new SpikeTrainModel(0, Math.max(SMALLEST_SHAPE, 1 / (cv * cv)));
    }

    public boolean isPoisson() {
        return refractory == 0 && shape == 1;
    }

    /** The dead time in force at rate f (s). */
    double deadTime(double rate) {
        return Math.min(refractory, 0.5 / rate);
    }

    /** The CV of the intervals at rate f. */
    public double cv(double rate) {
        return (1 - rate * deadTime(rate)) / Math.sqrt(shape);
    }

    /** One interval at rate f (Hz, positive). */
    double interval(SplittableRandom rng, double rate) {
        double dead = deadTime(rate);
        return dead + Gamma.sample(rng, shape) * (1 / rate - dead) / shape;
    }

    /**
     * The time to the first spike of a train observed from a random moment (the forward recurrence
     * time of the stationary process): a uniform fraction of a length-biased interval. The
     * length-biased shifted gamma is a mixture: the dead time's share gives a gamma of the same
     * shape, the gamma part's share a gamma of shape + 1.
     */
    double firstInterval(SplittableRandom rng, double rate) {
        double dead = deadTime(rate);
        double scale = (1 / rate - dead) / shape;
        double mean = dead + shape * scale;
        double k = rng.nextDouble() * mean < dead ? shape : shape + 1;
        return rng.nextDouble() * (dead + Gamma.sample(rng, k) * scale);
    }

    /** Gamma variates of unit scale (Marsaglia and Tsang 2000; shapes below 1 by the U^(1/k) boost). */
    static final class Gamma {

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
