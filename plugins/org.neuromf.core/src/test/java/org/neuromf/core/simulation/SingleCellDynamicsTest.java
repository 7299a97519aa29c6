package org.neuromf.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

class SingleCellDynamicsTest {

    private static Cell hhRs(double currentPa) {
        return CellPresets.get("HH_RS").with(Map.of("i0_pa", currentPa));
    }

    @Test
    void hhRsIsSilentBelowRheobaseAndFiresRepetitivelyAbove() {
        for (double i0 : new double[] {0, 100, 250}) {
            double[] t = SingleNeuron.spikeTimes(hhRs(i0), -0.065, -0.040, 1e-4, 2.0, GatingMode.EXACT);
            assertEquals(0, t.length, "HH_RS with " + i0 + " pA must stay below threshold");
        }
        double previousRate = 0;
        for (double i0 : new double[] {400, 600, 1000}) {
            double[] t = SingleNeuron.spikeTimes(hhRs(i0), -0.065, -0.040, 1e-4, 2.0, GatingMode.EXACT);
            assertTrue(t.length >= 10, i0 + " pA gave only " + t.length + " spikes in 2 s");
            // repetitive: spikes keep coming to the end, at a steady rate once the M current has adapted
            assertTrue(t[t.length - 1] > 1.8, "last spike at " + t[t.length - 1] + " s");
            int n = t.length;
            double lastIsi = t[n - 1] - t[n - 2];
            double earlierIsi = t[n - 4] - t[n - 5];
            assertEquals(earlierIsi, lastIsi, 0.02 * lastIsi, "steady firing at " + i0 + " pA");
            double rate = 1 / lastIsi;
            assertTrue(rate > previousRate, "the f-I curve rises: " + rate + " Hz at " + i0 + " pA");
            previousRate = rate;
        }
    }

    /**
     * Exponential Euler is first order: halving dt should halve the error of the interspike
     * interval once dt is small enough. Measured on HH_RS at 600 pA with dt from 0.1 ms to
     * 3.125 us, the order estimates log2(d_k / d_k+1) of successive differences fall from 1.5
     * towards 1 (1.54, 1.45, 1.36, 1.23): first order, with second-order terms still visible at
     * 0.1 ms, where the interval is 8 % longer than its limit.
     */
    @Test
    void exponentialEulerConvergesAtFirstOrder() {
        double[] dts = {1e-4, 5e-5, 2.5e-5, 1.25e-5, 6.25e-6, 3.125e-6};
        double[] isi = new double[dts.length];
        for (int j = 0; j < dts.length; j++) {
            double[] t = SingleNeuron.spikeTimes(hhRs(600), -0.065, -0.040, dts[j], 1.0, GatingMode.EXACT);
            int n = t.length;
            isi[j] = (t[n - 1] - t[n - 6]) / 5;
        }
        double previousOrder = Double.POSITIVE_INFINITY;
        for (int j = 0; j + 2 < dts.length; j++) {
            double order = Math.log((isi[j] - isi[j + 1]) / (isi[j + 1] - isi[j + 2])) / Math.log(2);
            assertTrue(order > 0.9 && order < 1.8, "order estimate " + order + " at dt = " + dts[j]);
            assertTrue(order < previousOrder + 0.05, "the order estimate approaches 1 as dt shrinks");
            previousOrder = order;
        }
        double limit = isi[dts.length - 1] - (isi[dts.length - 2] - isi[dts.length - 1]); // Richardson, first order
        assertEquals(limit, isi[0], 0.1 * limit, "at dt = 0.1 ms the interval is within 10 % of its limit");
        assertTrue(isi[0] > limit, "exponential Euler lengthens the interval");
    }

    /** The leaky membrane (LIF below threshold) relaxes as V_inf + (V0 - V_inf) exp(-t/tau), tau = C/gL. */
    @Test
    void rcMembraneMatchesItsClosedForm() {
        double i0 = 50; // pA: V_inf = -60 + 50 pA / 10 nS = -55 mV, below the -50 mV threshold
        Cell lif = CellPresets.get("LIF").with(Map.of("i0_pa", i0));
        SimulationSettings s = SimulationSettings.of(Map.of("tstop_ms", 100.0, "transient_ms", 0.0, "n_rec", 3));
        SimulationResult r = new NetworkSimulator(SingleNeuron.isolated(lif, 3, 0, 0, 0, 5e-3), stimulusFree(), s)
                .run(Progress.NONE);
        Table traces = r.tracesTable();
        double tau = 150e-12 / 10e-9;
        double vInf = -60e-3 + i0 * 1e-12 / 10e-9;
        int steps = s.steps();
        assertEquals(3 * steps, traces.rowCount());
        for (int neuron = 0; neuron < 3; neuron++) {
            double v0 = traces.getDouble(neuron * steps, "v_mv") * 1e-3;
            assertTrue(v0 >= -0.090 && v0 <= -0.060, "initial V uniform in [-90, -60] mV");
            for (int k = 0; k < steps; k += 37) {
                double t = traces.getDouble(neuron * steps + k, "time_ms") * 1e-3;
                double expected = vInf + (v0 - vInf) * Math.exp(-t / tau);
                // constant coefficients: exponential Euler is exact, up to rounding
                assertEquals(expected * 1e3, traces.getDouble(neuron * steps + k, "v_mv"), 1e-9, "t = " + t);
            }
        }
        assertEquals(0, r.summary(0).spikeCount());
    }

    /** The table's coefficients agree with the exact ones to the interpolation error h^2/8 max|f''|. */
    @Test
    void gatingTableIsAccurate() {
        for (double dt : new double[] {1e-4, 5e-5, 2e-5}) {
            GatingTable table = GatingTable.of(-0.0535, dt, Integrator.EXPONENTIAL_EULER);
            double[] interpolated = new double[8];
            double[] exact = new double[8];
            double worst = 0;
            java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
            for (int i = 0; i < 200_000; i++) {
                double v = -0.120 + 0.2 * rng.nextDouble();
                table.coefficients(v, -0.0535, dt, interpolated);
                GatingTable.exactCoefficients(v * 1e3, -53.5, dt * 1e3, Integrator.EXPONENTIAL_EULER, exact, 0);
                for (int c = 0; c < 8; c++) {
                    worst = Math.max(worst, Math.abs(interpolated[c] - exact[c]));
                }
            }
            // measured 1.6e-8 at 0.1 ms: (0.01 mV)^2 / 8 times the largest curvature of F_h
            assertTrue(worst < 5e-8, "largest table error " + worst + " at dt = " + dt);
        }
    }

    /**
     * The table's cost in accuracy on a spike train: HH_RS at 600 pA, 1 s. At dt = 0.05 ms the
     * intervals agree to 1e-8 relative; at 0.1 ms the discrete spike upstroke amplifies the 1e-8
     * coefficient error to about 0.1 % of the interval, against the 8 % by which exponential Euler
     * itself misses the exact interval at that step.
     */
    @Test
    void tabulatedAndExactGatingGiveTheSameSpikeTrain() {
        for (double dt : new double[] {1e-4, 5e-5}) {
            double[] exact = SingleNeuron.spikeTimes(hhRs(600), -0.065, -0.040, dt, 1.0, GatingMode.EXACT);
            double[] tab = SingleNeuron.spikeTimes(hhRs(600), -0.065, -0.040, dt, 1.0, GatingMode.TABULATED);
            assertEquals(exact.length, tab.length);
            int n = exact.length;
            double isiExact = (exact[n - 1] - exact[n - 6]) / 5;
            double isiTab = (tab[n - 1] - tab[n - 6]) / 5;
            assertEquals(isiExact, isiTab, (dt > 6e-5 ? 3e-3 : 1e-6) * isiExact, "dt = " + dt);
        }
    }

    /**
     * A LIF driven above threshold fires periodically with the closed-form period
     * t_ref + tau ln((V_inf - V_reset)/(V_inf - V_th)); on the grid each phase ends at the first
     * step past its exact end, so the simulated interval may exceed it by up to two steps.
     */
    @Test
    void lifFiresWithItsClosedFormPeriod() {
        double i0 = 200; // pA: V_inf = -60 mV + 200 pA / 10 nS = -40 mV, above the -50 mV threshold
        double dt = 1e-4;
        double[] t = SingleNeuron.spikeTimes(CellPresets.get("LIF").with(Map.of("i0_pa", i0)), -0.060, -0.050, dt, 1.0,
                GatingMode.EXACT);
        double tau = 150e-12 / 10e-9;
        double period = 5e-3 + tau * Math.log((-0.040 + 0.060) / (-0.040 + 0.050));
        int n = t.length;
        double isi = (t[n - 1] - t[1]) / (n - 2);
        assertTrue(isi >= period - 1e-12 && isi <= period + 2 * dt, "interval " + isi + " s, closed form " + period + " s");
    }

    /**
     * The Morris-Lecar pair fires in the HH cells' range under CONFIG1 input (MODEL.md section 1):
     * silent at weak excitation, 5-50 Hz at fe = 12 Hz with fi = 8 Hz, and with all-or-none spikes,
     * so that the count hardly depends on the detection threshold.
     */
    @Test
    void morrisLecarPresetsFireInTheHhRange() {
        for (String name : new String[] {"ML_RS", "ML_FS"}) {
            Cell cell = CellPresets.get(name);
            double silent = SingleNeuron.shotNoiseRates(cell, 2, 8, 50, 1.3, 1, 0.0)[0];
            assertTrue(silent < 0.5, name + " at fe = 2 Hz: " + silent + " Hz");
            double[] r = SingleNeuron.shotNoiseRates(cell, 12, 8, 50, 1.3, 2, 0.0, -0.030);
            assertTrue(r[0] > 5 && r[0] < 50, name + " at fe = 12 Hz: " + r[0] + " Hz");
            assertEquals(r[0], r[1], 0.05 * r[0], name + ": thresholds 0 mV (the preset's) and -30 mV count the same spikes");
        }
    }

    private static org.neuromf.core.stimulus.Waveform stimulusFree() {
        return org.neuromf.core.stimulus.Waveform.NONE;
    }
}
