package org.neuromf.core.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.cell.HodgkinHuxleyCell;
import org.neuromf.core.cell.HodgkinHuxleyRates;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.util.Exp;
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
     * What was measured at one point, inputs fe, fi (Hz), placed at an adaptation current w (A) and
     * a mean M-current gate p (0 unless the cell was measured so, see {@link #heldAt}): the rate
     * of each repetition (Hz, over the counted time), the mean and SD of V over the
     * {@code subthresholdSamples} subthreshold samples of all repetitions (V), the mean and SD of
     * each conductance over the counted steps (S), the output's interspike intervals, and for an HH
     * cell how its M gate moves: the mean of {@code p_inf(V)/tau_p(V)} over the counted steps
     * ({@code gateDrive}, 1/s) and the rate at which the gate's mean decays ({@code gateRate}, 1/s),
     * so that the mean gate changes at {@code gateDrive - gateRate p}: for the cell's own free gate
     * (gM > 0) {@code <p/tau_p(V)> / <p>}, which holds the gate's correlation with V around a
     * spike, for a gate held fixed (gM = 0, {@link #heldAt}) {@code <1/tau_p(V)>}, to which the
     * first reduces at constant p. {@code gateMean} is the time mean of the cell's own free gate
     * (NaN without one: not an HH cell, or gM = 0); gateDrive and gateRate are NaN for other cells.
     */
    public record Measurement(double fe, double fi, double w, double p, double[] rates, double muV, double sV,
            long subthresholdSamples, double muGe, double sGe, double muGi, double sGi, Intervals intervals,
            double gateDrive, double gateRate, double gateMean) {

        /**
         * The bytes a measurement of {@code seeds} repetitions holds: the record, its rates, a list's
         * reference, and its intervals with a full sample.
         */
        public static double bytes(int seeds) {
            return 16 + 9 * 8 + 16 + 8.0 * seeds + 8 + 48 + 40 + 16 + 8.0 * Intervals.SAMPLE_LIMIT;
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

        /**
         * This measurement and {@code more} of the same point as one, repetitions in that order:
         * every statistic as if measured at once (the conductances weighted by repetitions, which
         * count the same steps).
         */
        public Measurement merge(Measurement more) {
            double[] all = Arrays.copyOf(rates, rates.length + more.rates.length);
            System.arraycopy(more.rates, 0, all, rates.length, more.rates.length);
            double[] v = pooled(subthresholdSamples, muV, sV, more.subthresholdSamples, more.muV, more.sV);
            double[] ge = pooled(rates.length, muGe, sGe, more.rates.length, more.muGe, more.sGe);
            double[] gi = pooled(rates.length, muGi, sGi, more.rates.length, more.muGi, more.sGi);
            double n = rates.length + more.rates.length;
            // a free gate's decay rate is <p/tau_p> / <p>: pooled with the weight of each part's <p>
            boolean free = !Double.isNaN(gateMean);
            double weight = free ? gateMean : 1;
            double moreWeight = free ? more.gateMean : 1;
            return new Measurement(fe, fi, w, p, all, v[0], v[1], subthresholdSamples + more.subthresholdSamples, ge[0],
                    ge[1], gi[0], gi[1], intervals.merge(more.intervals),
                    (rates.length * gateDrive + more.rates.length * more.gateDrive) / n,
                    (rates.length * weight * gateRate + more.rates.length * moreWeight * more.gateRate)
                            / (rates.length * weight + more.rates.length * moreWeight),
                    (rates.length * gateMean + more.rates.length * more.gateMean) / n);
        }

        /**
         * This measurement, placed at an adaptation current w (A) and mean M gate p: those the cell
         * was measured with held, or for a free gate whose mean was shifted, its own mean plus the shift
         * ({@link org.neuromf.core.cell.SlowCurrents#gateShifted}).
         */
        public Measurement heldAt(double w, double p) {
            return new Measurement(fe, fi, w, p, rates, muV, sV, subthresholdSamples, muGe, sGe, muGi, sGi, intervals,
                    gateDrive, gateRate, gateMean);
        }

        private static double[] pooled(double n1, double m1, double s1, double n2, double m2, double s2) {
            if (n1 == 0 || n2 == 0) {
                return n1 == 0 ? new double[] {m2, s2} : new double[] {m1, s1};
            }
            double n = n1 + n2;
            double m = (n1 * m1 + n2 * m2) / n;
            double second = (n1 * (s1 * s1 + m1 * m1) + n2 * (s2 * s2 + m2 * m2)) / n;
            return new double[] {m, Math.sqrt(Math.max(0, second - m * m))};
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
            return "Measurement[fe=" + fe + ", fi=" + fi + ", w=" + w + ", p=" + p + ", rates=" + Arrays.toString(rates)
                    + ", muV=" + muV + ", sV=" + sV + ", subthresholdSamples=" + subthresholdSamples + ", muGe=" + muGe + ", sGe=" + sGe
                    + ", muGi=" + muGi + ", sGi=" + sGi + ", intervals=" + intervals + ", gateDrive=" + gateDrive
                    + ", gateRate=" + gateRate + ", gateMean=" + gateMean + "]";
        }
    }

    /**
     * The output's interspike intervals after the transient: each repetition with at least
     * {@value #FEWEST_INTERVALS} intervals contributes its CV^2, weighted by its number of
     * intervals, and its first intervals divided by its own mean interval to {@code unitSample}
     * (at most {@value #SAMPLE_LIMIT} in all). A presynaptic population of neurons with these
     * statistics sends, in sum, trains whose slow fluctuations (rate x CV^2) are those of one
     * renewal model with the weighted CV^2, which the pooled intervals of neurons at different
     * rates would overstate; the unit sample, normalised per repetition, keeps that property.
     */
    public record Intervals(long count, double weightedCv2, double[] unitSample) {

        public static final Intervals NONE = new Intervals(0, 0, new double[0]);
        static final int FEWEST_INTERVALS = 5;
        static final int SAMPLE_LIMIT = 4096;

        /** A repetition's intervals: {@code n} of them with these sums, the first of them in {@code first}. */
        static Intervals of(long n, double sum, double sumSquares, double[] first, int stored) {
            if (n < FEWEST_INTERVALS) {
                return NONE;
            }
            double m = sum / n;
            double variance = Math.max(0, sumSquares / n - m * m);
            double[] unit = new double[Math.min(stored, SAMPLE_LIMIT)];
            for (int i = 0; i < unit.length; i++) {
                unit[i] = first[i] / m;
            }
            return new Intervals(n, n * variance / (m * m), unit);
        }

        public double cv() {
            return Math.sqrt(weightedCv2 / count);
        }

        /** The renewal model of these intervals: their empirical distribution; Poisson without intervals. */
        public SpikeTrainModel train() {
            return count == 0 ? SpikeTrainModel.POISSON : SpikeTrainModel.Empirical.of(unitSample);
        }

        Intervals merge(Intervals o) {
            double[] unit = Arrays.copyOf(unitSample, Math.min(SAMPLE_LIMIT, unitSample.length + o.unitSample.length));
            System.arraycopy(o.unitSample, 0, unit, unitSample.length, unit.length - unitSample.length);
            return new Intervals(count + o.count, weightedCv2 + o.weightedCv2, unit);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Intervals i && toString().equals(i.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }

        @Override
        public String toString() {
            return "Intervals[count=" + count + ", weightedCv2=" + weightedCv2 + ", unitSample=" + unitSample.length
                    + " of hash " + Arrays.hashCode(unitSample) + "]";
        }
    }

    private ShotNoiseSimulator() {
    }

    /**
     * The bytes {@link #measure} holds while it simulates {@code repetitions} neurons of this cell:
     * their state (V, two conductances, the family's variables), and per repetition its random
     * stream, 12 numbers of 8 bytes (Poisson rates and next events of both channels, last crossing
     * and spike, count, interval count and power sums, potential before the step, rate), two
     * references to renewal trains and the trains' next spike times (when the input has any), the
     * crossing index and the spike buffer's entry (index and fraction), and its first intervals
     * for the unit sample of {@link Intervals}; an HH cell also needs its gating table (shared by
     * the points of one dt).
     */
    public static double workingBytes(Cell cell, SynapticInput input, PresynapticInput presynaptic, int repetitions) {
        double stream = 16 + 8 + 8 + 4; // a SplittableRandom (header, seed, gamma) and its reference
        double trains = (presynaptic.excitatory().isPoisson() ? 0 : RenewalTrains.bytes(Math.round(1.5 * input.ke())))
                + (presynaptic.inhibitory().isPoisson() ? 0 : RenewalTrains.bytes(Math.round(1.5 * input.ki())));
        return NeuronGroup.stateBytes(cell.family(), repetitions, 2)
                + repetitions * (stream + 12 * 8 + 2 * 8 + trains + 4 + 12 + 16 + 8.0 * keptIntervals(repetitions))
                + (cell.family() == CellFamily.HH ? GatingTable.BYTES : 0);
    }

    /** Simulates repetitions 0 to {@code repetitions - 1} under Poisson input ({@link PresynapticInput#POISSON}). */
    public static Measurement measure(Cell cell, SynapticInput input, double fe, double fi, int repetitions, long seed,
            Protocol protocol, Progress progress) {
        return measure(cell, input, PresynapticInput.POISSON, fe, fi, 0, repetitions, seed, protocol, progress);
    }

    /**
     * Simulates independent neurons at per-synapse rates fe, fi (Hz): repetitions {@code first} to
     * {@code first + repetitions - 1}, each with its own random stream, so that more repetitions
     * measured later merge ({@link Measurement#merge}) into what one larger measurement would give
     * (apart from the initial states, drawn per call).
     *
     * @throws org.neuromf.core.util.CancelledException when progress is cancelled
     */
    public static Measurement measure(Cell cell, SynapticInput input, PresynapticInput presynaptic, double fe,
            double fi, int first, int repetitions, long seed, Protocol protocol, Progress progress) {
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
        group.initialise(RandomStreams.stream(seed, Purpose.INITIAL_STATE, pointKey + first));
        double external = Math.min(fe, presynaptic.externalRate());
        double recurrent = fe - external;
        SplittableRandom[] rng = new SplittableRandom[n];
        double[] poissonE = new double[n];
        double[] poissonI = new double[n];
        double[] nextE = new double[n];
        double[] nextI = new double[n];
        RenewalTrains[] trainsE = new RenewalTrains[n];
        RenewalTrains[] trainsI = new RenewalTrains[n];
        boolean renewalE = !presynaptic.excitatory().isPoisson();
        boolean renewalI = !presynaptic.inhibitory().isPoisson();
        for (int r = 0; r < n; r++) {
            long repetition = pointKey * 8191 + first + r;
            rng[r] = RandomStreams.stream(seed, Purpose.SHOT_NOISE, repetition);
            SplittableRandom degrees = RandomStreams.stream(seed, Purpose.CONNECTIVITY, repetition);
            double ke = PresynapticInput.inDegree(input.ke(), presynaptic.excitatorySources(), degrees);
            double ki = PresynapticInput.inDegree(input.ki(), presynaptic.inhibitorySources(), degrees);
            poissonE[r] = input.ke() * external + (renewalE ? 0 : ke * recurrent);
            poissonI[r] = renewalI ? 0 : ki * fi;
            nextE[r] = gap(rng[r], poissonE[r]);
            nextI[r] = gap(rng[r], poissonI[r]);
            if (renewalE) {
                trainsE[r] = new RenewalTrains((int) Math.round(ke), presynaptic.excitatory(), recurrent, rng[r]);
            }
            if (renewalI) {
                trainsI[r] = new RenewalTrains((int) Math.round(ki), presynaptic.inhibitory(), fi, rng[r]);
            }
        }
        boolean crossing = !Double.isNaN(protocol.crossing()) && cell.family() == CellFamily.HH;
        double threshold = protocol.crossing();
        double[] lastCrossing = new double[n];
        Arrays.fill(lastCrossing, Double.NEGATIVE_INFINITY);
        double[] lastSpike = new double[n];
        Arrays.fill(lastSpike, Double.NaN);
        long[] counts = new long[n];
        double[] v = group.v;
        double[] ge = group.g[0];
        double[] gi = group.g[1];
        SpikeBuffer spikes = new SpikeBuffer();
        double sumV = 0, sumV2 = 0, sumGe = 0, sumGe2 = 0, sumGi = 0, sumGi2 = 0, sumDrive = 0, sumRate = 0;
        double sumGate = 0, sumDecay = 0;
        boolean gate = cell.family() == CellFamily.HH;
        HodgkinHuxleyGroup freeGate = gate && ((HodgkinHuxleyCell) cell).gM > 0 ? (HodgkinHuxleyGroup) group : null;
        long[] intervals = new long[n];
        double[] sumI = new double[n];
        double[] sumI2 = new double[n];
        int kept = keptIntervals(n);
        double[][] firstIntervals = new double[n][kept];
        long subthreshold = 0;
        long steps = protocol.steps();
        long transientSteps = protocol.transientSteps();
        double[] before = new double[n];
        int[] crossed = new int[n];
        double qe = input.qe(), qi = input.qi(), te = input.te(), ti = input.ti();
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
                    ge[r] += qe * Exp.exp((nextE[r] - t1) / te);
                    nextE[r] += gap(rng[r], poissonE[r]);
                }
                while (nextI[r] <= t1) {
                    gi[r] += qi * Exp.exp((nextI[r] - t1) / ti);
                    nextI[r] += gap(rng[r], poissonI[r]);
                }
                RenewalTrains e = trainsE[r];
                if (e != null) {
                    for (double t = e.next(); t <= t1; t = e.next()) {
                        ge[r] += qe * Exp.exp((t - t1) / te);
                        e.advance(rng[r]);
                    }
                }
                RenewalTrains i = trainsI[r];
                if (i != null) {
                    for (double t = i.next(); t <= t1; t = i.next()) {
                        gi[r] += qi * Exp.exp((t - t1) / ti);
                        i.advance(rng[r]);
                    }
                }
            }
            if (k + 1 <= transientSteps) {
                continue;
            }
            int spiking = 0;
            int[] spiked = crossed;
            if (crossing) {
                for (int r = 0; r < n; r++) {
                    if (before[r] <= threshold && v[r] > threshold && t1 - lastCrossing[r] > protocol.minInterval()) {
                        lastCrossing[r] = t1;
                        crossed[spiking++] = r;
                    }
                }
            } else {
                spiked = spikes.neurons;
                spiking = spikes.count;
            }
            for (int s = 0; s < spiking; s++) {
                int r = spiked[s];
                counts[r]++;
                double isi = t1 - lastSpike[r];
                if (isi > 0) {
                    if (intervals[r] < kept) {
                        firstIntervals[r][(int) intervals[r]] = isi;
                    }
                    intervals[r]++;
                    sumI[r] += isi;
                    sumI2[r] += isi * isi;
                }
                lastSpike[r] = t1;
            }
            for (int r = 0; r < n; r++) {
                double vr = v[r];
                if (vr < SUBTHRESHOLD) {
                    sumV += vr;
                    sumV2 += vr * vr;
                    subthreshold++;
                }
                sumGe += ge[r];
                sumGe2 += ge[r] * ge[r];
                sumGi += gi[r];
                sumGi2 += gi[r] * gi[r];
            }
            if (gate) {
                for (int r = 0; r < n; r++) {
                    double mv = v[r] * 1e3;
                    double rate = 1e3 / HodgkinHuxleyRates.tauP(mv);
                    sumRate += rate;
                    sumDrive += rate * HodgkinHuxleyRates.pInf(mv);
                    if (freeGate != null) {
                        double p = freeGate.gate(r);
                        sumGate += p;
                        sumDecay += rate * p;
                    }
                }
            }
        }
        double counted = (steps - transientSteps) * dt;
        double[] rates = new double[n];
        Intervals isi = Intervals.NONE;
        for (int r = 0; r < n; r++) {
            rates[r] = counts[r] / counted;
            isi = isi.merge(Intervals.of(intervals[r], sumI[r], sumI2[r], firstIntervals[r],
                    (int) Math.min(kept, intervals[r])));
        }
        double samples = (double) (steps - transientSteps) * n;
        return new Measurement(fe, fi, 0, 0, rates, mean(sumV, subthreshold), sd(sumV, sumV2, subthreshold), subthreshold,
                sumGe / samples, sd(sumGe, sumGe2, samples), sumGi / samples, sd(sumGi, sumGi2, samples),
                isi, gate ? sumDrive / samples : Double.NaN,
                !gate ? Double.NaN : freeGate != null ? sumDecay / sumGate : sumRate / samples,
                freeGate != null ? sumGate / samples : Double.NaN);
    }

    /** The intervals each of n repetitions keeps for the unit sample: enough for the sample if all contribute. */
    private static int keptIntervals(int n) {
        return Math.max(Intervals.FEWEST_INTERVALS, (Intervals.SAMPLE_LIMIT + n - 1) / n);
    }

    /** A key that differs for different (fe, fi) pairs, from their exact bits. */
    private static long pointKey(double fe, double fi) {
        return Double.doubleToLongBits(fe) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(fi);
    }

    /** An exponential waiting time at {@code rate} (Hz); infinite for no input. */
    private static double gap(SplittableRandom rng, double rate) {
        return rate > 0 ? -Math.log1p(-RandomStreams.uniform(rng)) / rate : Double.POSITIVE_INFINITY;
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
