package org.neuromf.core.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.RandomStreams;
import org.neuromf.core.util.RandomStreams.Purpose;

/**
 * One neuron under two shot-noise conductances (MODEL.md 4a), repeated over independent seeds: the
 * measurement behind a transfer function. The repetitions of one point are stepped together as a
 * group of unconnected neurons.
 *
 * <p>Input events are drawn in continuous time (exponential gaps at total rate {@code Ke fe}, resp.
 * {@code Ki fi}) and each enters the conductance already decayed by the part of the step that
 * followed it, so the conductance on the time grid is the continuous shot noise sampled exactly,
 * whatever dt. The events of repetition r at (fe, fi) come from their own stream of (seed, fe, fi,
 * r): the same seed gives the same input under any integrator or dt, and results do not depend on
 * how points are spread over threads.
 */
public final class ShotNoiseSimulator {

    /** Samples below this potential (V) make the subthreshold mean and SD, as in the authors' scripts. */
    public static final double SUBTHRESHOLD = -0.040;

    private static final int CANCEL_CHECK_STEPS = 1 << 14;

    /**
     * How a point is simulated: step dt, duration tstop and the transient before counting (s); the
     * integrator and the HH gating; and the spike count: for HH cells, upward crossings of
     * {@code crossing} (V) at least {@code minInterval} apart, or the cell's own rule when crossing
     * is NaN; other cells always use their own rule (AdEx resets below +10 mV, and Morris-Lecar
     * spikes need not reach it).
     */
    public record Protocol(double dt, double tstop, double transientTime, Integrator integrator, GatingMode gating,
            double crossing, double minInterval) {

        public Protocol {
            if (!(dt > 0 && dt <= 1e-3)) {
                throw ParameterException.outOfRange("dt_ms", dt * 1e3, "(0, 1] ms", null);
            }
            if (!(tstop > 0 && tstop <= 1e6)) {
                throw ParameterException.outOfRange("tstop_ms", tstop * 1e3, "(0, 1e9] ms", null);
            }
            if (!(transientTime >= 0 && transientTime < tstop - dt / 2)) {
                throw ParameterException.outOfRange("transient_ms", transientTime * 1e3,
                        "[0, tstop_ms = " + tstop * 1e3 + ")", "spikes are counted after the transient");
            }
            if (tstop / dt > 1e10) {
                throw new ParameterException("dt_ms", "dt_ms = " + dt * 1e3 + " with tstop_ms = " + tstop * 1e3
                        + " gives more than 1e10 steps per point; use a larger dt or a shorter run");
            }
        }

        /** Exponential Euler at dt with the tabulated gating; spikes by the cell's own rule. */
        public static Protocol fast(double dt, double tstop, double transientTime) {
            return new Protocol(dt, tstop, transientTime, Integrator.EXPONENTIAL_EULER, GatingMode.TABULATED, Double.NaN, 0);
        }

        /**
         * The authors' single-neuron scripts: forward Euler at 5 us with the rate functions
         * evaluated every step, spikes as upward crossings of +10 mV at least 0.2 ms apart.
         */
        public static Protocol authors(double tstop, double transientTime) {
            return new Protocol(5e-6, tstop, transientTime, Integrator.FORWARD_EULER, GatingMode.EXACT, 0.010, 2e-4);
        }

        long steps() {
            return Math.round(tstop / dt);
        }

        long transientSteps() {
            return Math.round(transientTime / dt);
        }
    }

    /**
     * What was measured at one point: the rate of each repetition (Hz, over the counted time), the
     * mean and SD of V over the subthreshold samples of all repetitions (V), and the mean and SD of
     * each conductance over the counted steps (S).
     */
    public record Measurement(double fe, double fi, double[] rates, double muV, double sV, double muGe, double sGe,
            double muGi, double sGi) {

        /** The bytes a measurement of {@code seeds} repetitions holds: the record, its rates, a list's reference. */
        public static double bytes(int seeds) {
            return 16 + 8 * 8 + 16 + 8.0 * seeds + 8;
        }

        public double meanRate() {
            double s = 0;
            for (double r : rates) {
                s += r;
            }
            return s / rates.length;
        }

        /** The SD of the repetitions' rates (population SD, as numpy's std in the authors' scripts). */
        public double rateSd() {
            double m = meanRate();
            double s = 0;
            for (double r : rates) {
                s += (r - m) * (r - m);
            }
            return Math.sqrt(s / rates.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Measurement m && toString().equals(m.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }

        /** Every value in full precision, so that equal strings mean bit-identical measurements. */
        @Override
        public String toString() {
            return "Measurement[fe=" + fe + ", fi=" + fi + ", rates=" + Arrays.toString(rates) + ", muV=" + muV
                    + ", sV=" + sV + ", muGe=" + muGe + ", sGe=" + sGe + ", muGi=" + muGi + ", sGi=" + sGi + "]";
        }
    }

    private ShotNoiseSimulator() {
    }

    /**
     * The bytes {@link #measure} holds while it simulates {@code repetitions} neurons of this cell:
     * their state (V, two conductances, the family's variables), the random stream, next event
     * times, last crossing, count, potential before the step and rate of each, and the spike buffer;
     * an HH cell also needs its gating table (shared by the points of one dt).
     */
    public static double workingBytes(Cell cell, int repetitions) {
        double stream = 16 + 8 + 8 + 4; // a SplittableRandom (header, seed, gamma) and its reference
        return NeuronGroup.stateBytes(cell.family(), repetitions, 2) + repetitions * (stream + 6 * 8 + 4)
                + (cell.family() == CellFamily.HH ? GatingTable.BYTES : 0);
    }

    /**
     * Simulates {@code repetitions} independent neurons at per-synapse rates fe, fi (Hz).
     *
     * @throws org.neuromf.core.util.CancelledException when progress is cancelled
     */
    public static Measurement measure(Cell cell, SynapticInput input, double fe, double fi, int repetitions, long seed,
            Protocol protocol, Progress progress) {
        if (repetitions < 1) {
            throw ParameterException.outOfRange("seeds", repetitions, "[1, 10000]", "repetitions per point");
        }
        if (!(fe >= 0 && fe < 1e6) || !(fi >= 0 && fi < 1e6)) {
            throw new ParameterException("fe_hz", "fe_hz = " + fe + ", fi_hz = " + fi
                    + ": input rates must lie in [0, 1e6) Hz");
        }
        int n = repetitions;
        double dt = protocol.dt();
        NeuronGroup group = NeuronGroup.of(cell, n, dt, new double[] {input.te(), input.ti()},
                new double[] {input.ee(), input.ei()}, protocol.gating(), protocol.integrator());
        long pointKey = pointKey(fe, fi);
        group.initialise(RandomStreams.stream(seed, Purpose.INITIAL_STATE, pointKey));
        double rateE = input.ke() * fe;
        double rateI = input.ki() * fi;
        SplittableRandom[] rng = new SplittableRandom[n];
        double[] nextE = new double[n];
        double[] nextI = new double[n];
        for (int r = 0; r < n; r++) {
            rng[r] = RandomStreams.stream(seed, Purpose.SHOT_NOISE, pointKey * 8191 + r);
            nextE[r] = gap(rng[r], rateE);
            nextI[r] = gap(rng[r], rateI);
        }
        boolean crossing = !Double.isNaN(protocol.crossing()) && cell.family() == CellFamily.HH;
        double threshold = protocol.crossing();
        double[] lastCrossing = new double[n];
        Arrays.fill(lastCrossing, Double.NEGATIVE_INFINITY);
        long[] counts = new long[n];
        double[] v = group.v;
        double[] g = group.g;
        SpikeBuffer spikes = new SpikeBuffer();
        double sumV = 0, sumV2 = 0, sumGe = 0, sumGe2 = 0, sumGi = 0, sumGi2 = 0;
        long subthreshold = 0;
        long steps = protocol.steps();
        long first = protocol.transientSteps();
        double[] before = new double[n];
        for (long k = 0; k < steps; k++) {
            if ((k & (CANCEL_CHECK_STEPS - 1)) == 0) {
                progress.checkCancelled();
            }
            if (crossing) {
                System.arraycopy(v, 0, before, 0, n);
            }
            spikes.clear();
            double sum = group.step(0, n, spikes);
            double t1 = (k + 1) * dt;
            if (!Double.isFinite(sum)) {
                throw new SimulationException("the single-neuron integration of " + cell.name() + " at fe = " + fe
                        + " Hz, fi = " + fi + " Hz produced " + (Double.isNaN(sum) ? "NaN" : "an infinite value")
                        + " at t = " + Math.round(t1 * 1e6) / 1e3 + " ms; lower dt_ms (now " + dt * 1e3
                        + ") or check the cell parameters");
            }
            for (int r = 0; r < n; r++) {
                while (nextE[r] <= t1) {
                    g[2 * r] += input.qe() * Math.exp((nextE[r] - t1) / input.te());
                    nextE[r] += gap(rng[r], rateE);
                }
                while (nextI[r] <= t1) {
                    g[2 * r + 1] += input.qi() * Math.exp((nextI[r] - t1) / input.ti());
                    nextI[r] += gap(rng[r], rateI);
                }
            }
            if (k + 1 <= first) {
                continue;
            }
            if (crossing) {
                for (int r = 0; r < n; r++) {
                    if (before[r] <= threshold && v[r] > threshold && t1 - lastCrossing[r] > protocol.minInterval()) {
                        lastCrossing[r] = t1;
                        counts[r]++;
                    }
                }
            } else {
                for (int s = 0; s < spikes.count; s++) {
                    counts[spikes.neurons[s]]++;
                }
            }
            for (int r = 0; r < n; r++) {
                double vr = v[r];
                if (vr < SUBTHRESHOLD) {
                    sumV += vr;
                    sumV2 += vr * vr;
                    subthreshold++;
                }
                double ge = g[2 * r];
                double gi = g[2 * r + 1];
                sumGe += ge;
                sumGe2 += ge * ge;
                sumGi += gi;
                sumGi2 += gi * gi;
            }
        }
        double counted = (steps - first) * dt;
        double[] rates = new double[n];
        for (int r = 0; r < n; r++) {
            rates[r] = counts[r] / counted;
        }
        double samples = (double) (steps - first) * n;
        return new Measurement(fe, fi, rates, mean(sumV, subthreshold), sd(sumV, sumV2, subthreshold),
                sumGe / samples, sd(sumGe, sumGe2, samples), sumGi / samples, sd(sumGi, sumGi2, samples));
    }

    /** A key that differs for different (fe, fi) pairs, from their exact bits. */
    private static long pointKey(double fe, double fi) {
        return Double.doubleToLongBits(fe) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(fi);
    }

    /** An exponential waiting time at {@code rate} (Hz); infinite for no input. */
    private static double gap(SplittableRandom rng, double rate) {
        return rate > 0 ? -Math.log1p(-rng.nextDouble()) / rate : Double.POSITIVE_INFINITY;
    }

    private static double mean(double sum, double count) {
        return count > 0 ? sum / count : Double.NaN;
    }

    private static double sd(double sum, double sumSquares, double count) {
        if (count < 2) {
            return Double.NaN;
        }
        double m = sum / count;
        return Math.sqrt(Math.max(0, sumSquares / count - m * m));
    }
}
