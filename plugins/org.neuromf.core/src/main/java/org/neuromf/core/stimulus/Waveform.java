package org.neuromf.core.stimulus;

import java.util.Arrays;

import org.apache.commons.math3.special.Erf;

/**
 * A stimulus: a rate (Hz, per external synapse) added to the external drive, as a function of time
 * (s). {@link #rate} may be negative for some shapes; {@link #clippedRate} is what the engine
 * uses, never below zero.
 */
public interface Waveform {

    double rate(double t);

    default double clippedRate(double t) {
        return Math.max(0, rate(t));
    }

    /** No stimulus. */
    Waveform NONE = t -> 0;

    /** The seed's default: Gaussian rise of width t1 up to the peak at t0, Gaussian decay of width t2. */
    static Waveform doubleGaussian(double t0, double t1, double t2, double amp) {
        return t -> amp * Math.exp(-sq(t - t0) / (2 * sq(t < t0 ? t1 : t2)));
    }

    /** The two halves of {@link #doubleGaussian} blended by {@code (1 -+ erf((t-t0)/smoothing))/2}. */
    static Waveform smoothDoubleGaussian(double t0, double t1, double t2, double amp, double smoothing) {
        return t -> {
            double rise = 0.5 * (1 + Erf.erf(-(t - t0) / smoothing));
            return amp * (Math.exp(-sq(t - t0) / (2 * sq(t1))) * rise + Math.exp(-sq(t - t0) / (2 * sq(t2))) * (1 - rise));
        };
    }

    static Waveform constant(double amp) {
        return t -> amp;
    }

    /** amp for onset <= t < offset, 0 elsewhere. */
    static Waveform step(double onset, double offset, double amp) {
        return t -> t >= onset && t < offset ? amp : 0;
    }

    /** Rises linearly from 0 at onset to amp at offset; 0 before onset and after offset. */
    static Waveform ramp(double onset, double offset, double amp) {
        return t -> t >= onset && t < offset ? amp * (t - onset) / (offset - onset) : 0;
    }

    /** baseline + amp sin(2 pi f t + phase), phase in radians. */
    static Waveform sinusoid(double frequency, double phase, double amp, double baseline) {
        return t -> baseline + amp * Math.sin(2 * Math.PI * frequency * t + phase);
    }

    /**
     * Linear interpolation in a table of (time, rate), times finite and strictly increasing, rates
     * finite, at least one row (as {@link Stimuli#fromTable} checks them, with the
     * row in its messages); before the first time the first rate holds, after the last time the last
     * rate (as numpy.interp).
     */
    static Waveform table(double[] times, double[] rates) {
        double[] t = times.clone();
        double[] r = rates.clone();
        if (t.length == 0 || t.length != r.length) {
            throw new IllegalArgumentException("a rate table needs at least one row and as many rates as times");
        }
        return time -> {
            if (time <= t[0]) {
                return r[0];
            }
            if (time >= t[t.length - 1]) {
                return r[t.length - 1];
            }
            int k = Arrays.binarySearch(t, time);
            if (k >= 0) {
                return r[k];
            }
            int hi = -k - 1;
            int lo = hi - 1;
            double w = (time - t[lo]) / (t[hi] - t[lo]);
            return r[lo] + w * (r[hi] - r[lo]);
        };
    }

    private static double sq(double x) {
        return x * x;
    }
}
