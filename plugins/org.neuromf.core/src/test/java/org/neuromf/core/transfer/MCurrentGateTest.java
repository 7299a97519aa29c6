package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.cell.HodgkinHuxleyRates;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.util.Progress;

/**
 * The mean M gate's kinetics: the Gaussian averages against exact values and an independent
 * quadrature, the per-spike fit against synthetic samples with known values, the steady state,
 * and the averages against a simulated HH_RS cell with its gate held.
 */
class MCurrentGateTest {

    static final SynapticInput CONFIG1 = SynapticInput.onto(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"), 0);
    static final Cell HH_RS = CellPresets.get("HH_RS");
    static final FluctuationModel MODEL = FluctuationModel.of(HH_RS, CONFIG1);

    /** p_inf(V)/tau_p(V) (1/s) at V (V), from the published rate functions (mV, ms). */
    private static double drive(double v) {
        return 1e3 / HodgkinHuxleyRates.tauP(v * 1e3) * HodgkinHuxleyRates.pInf(v * 1e3);
    }

    /** 1/tau_p(V) (1/s) at V (V). */
    private static double rate(double v) {
        return 1e3 / HodgkinHuxleyRates.tauP(v * 1e3);
    }

    /**
     * With sV = 0 every node sits at muV, so the average is the value there times the sum of the
     * normalised Hermite weights, which is 1 to rounding (24 terms of about 1e-16 each): 1e-12.
     */
    @Test
    void withoutFluctuationsTheAveragesAreTheValuesAtTheMean() {
        for (double muV : new double[] {-0.080, -0.065, -0.055, -0.047, -0.035, -0.020, 0.010}) {
            double[] g = MCurrentGate.gaussian(muV, 0);
            assertEquals(drive(muV), g[0], 1e-12 * drive(muV), "p_inf/tau_p at " + muV * 1e3 + " mV");
            assertEquals(rate(muV), g[1], 1e-12 * rate(muV), "1/tau_p at " + muV * 1e3 + " mV");
        }
        // a value to read: at -35 mV p_inf = 1/2 and tau_p = 400/4.3 ms, so 1/tau_p = 10.75 1/s
        assertEquals(4.3 / 400 * 1e3, MCurrentGate.gaussian(-0.035, 0)[1], 1e-12 * 10.75);
        assertEquals(4.3 / 400 * 1e3 / 2, MCurrentGate.gaussian(-0.035, 0)[0], 1e-12 * 10.75);
    }

    /**
     * Against the trapezoid rule over +-8 sV with 20000 points: the Gaussian's mass beyond 8 SD is
     * 1e-15, and the trapezoid rule on a smooth integrand that decays this fast errs far below
     * 1e-12; Gauss-Hermite with 24 nodes is exact to about 1e-10 for these entire (1/tau_p) and
     * nearly entire (p_inf has poles 10 pi mV off the real axis) functions. So 1e-8. The averages
     * differ from the values at muV by about 1 % at sV = 3 mV (curvature over (20 mV)^2), so a
     * wrongly scaled node (sqrt 2) or weight would be caught.
     */
    @Test
    void gaussianAveragesMatchAnIndependentQuadrature() {
        double[][] cases = {{-0.055, 0.003}, {-0.045, 0.008}, {-0.065, 0.001}};
        for (double[] c : cases) {
            double muV = c[0];
            double sV = c[1];
            int n = 20000;
            double h = 16.0 / (n - 1);
            double d = 0;
            double r = 0;
            for (int k = 0; k < n; k++) {
                double x = -8 + k * h;
                double weight = (k == 0 || k == n - 1 ? 0.5 : 1) * h * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
                d += weight * drive(muV + sV * x);
                r += weight * rate(muV + sV * x);
            }
            double[] g = MCurrentGate.gaussian(muV, sV);
            String at = "muV = " + muV * 1e3 + " mV, sV = " + sV * 1e3 + " mV";
            assertEquals(d, g[0], 1e-8 * d, "<p_inf/tau_p> at " + at);
            assertEquals(r, g[1], 1e-8 * r, "<1/tau_p> at " + at);
        }
        double[] at3 = MCurrentGate.gaussian(-0.055, 0.003);
        assertTrue(Math.abs(at3[1] / rate(-0.055) - 1) > 1e-3, "the fluctuations change the average: " + at3[1]
                + " against " + rate(-0.055));
    }

    /** Points (fe, fi, p) with their output rates (Hz), all firing. */
    private static final double[][] POINTS = {{4, 8, 0.02, 0.5}, {8, 10, 0.05, 3}, {12, 12, 0.1, 9}, {20, 15, 0.2, 25},
        {30, 5, 0.3, 60}};

    private static double[] column(double[][] rows, int c) {
        double[] x = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = rows[i][c];
        }
        return x;
    }

    /**
     * Samples made exactly as the model says, with the Gaussian at each point's own (fe, fi, p)
     * and known per-spike values: any weighting recovers them, to rounding of the subtraction
     * (the Gaussian part is at most ~40 1/s against a spike part of at least 0.1 1/s: 1e-12).
     * A point that did not fire is left out, whatever its averages say; a sample without gate
     * averages (a non-HH cell, NaN) makes the gate unmeasured.
     */
    @Test
    void measureRecoversKnownPerSpikeValues() {
        double a = 0.17;
        double b = 0.2;
        double[][] rows = new double[POINTS.length + 1][];
        System.arraycopy(POINTS, 0, rows, 0, POINTS.length);
        rows[POINTS.length] = new double[] {1, 2, 0.1, 0};
        double[] fe = column(rows, 0);
        double[] fi = column(rows, 1);
        double[] p = column(rows, 2);
        double[] fout = column(rows, 3);
        double[] drive = new double[rows.length];
        double[] rate = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Fluctuations f = MODEL.at(fe[i], fi[i], 0, p[i]);
            double[] g = MCurrentGate.gaussian(f.muV(), f.sV());
            drive[i] = g[0] + fout[i] * a;
            rate[i] = g[1] + fout[i] * b;
        }
        // the silent point: averages far from the Gaussian's, which would spoil the fit if used
        drive[rows.length - 1] += 50;
        rate[rows.length - 1] -= 7;
        MCurrentGate gate = MCurrentGate.measure(MODEL, fe, fi, null, p, fout, drive, rate);
        assertNotNull(gate);
        assertEquals(a, gate.spikeDrive(), 1e-12 * a);
        assertEquals(b, gate.spikeRate(), 1e-12 * b);

        // without p the Gaussian is taken at p = 0, a different membrane: the values are off
        MCurrentGate atZero = MCurrentGate.measure(MODEL, fe, fi, null, null, fout, drive, rate);
        assertTrue(Math.abs(atZero.spikeRate() - b) > 1e-3, "p enters the Gaussian part: " + atZero);

        double[] broken = drive.clone();
        broken[1] = Double.NaN;
        assertNull(MCurrentGate.measure(MODEL, fe, fi, null, p, fout, broken, rate));
        double[] brokenRate = rate.clone();
        brokenRate[2] = Double.NaN;
        assertNull(MCurrentGate.measure(MODEL, fe, fi, null, p, fout, drive, brokenRate));
        assertNull(MCurrentGate.measure(MODEL, fe, fi, null, p, new double[fout.length], drive, rate),
                "no sample fired");
    }

    /**
     * Samples that disagree: the least-squares estimate with every sample's excess per spike
     * weighted equally is the mean of the per-spike excesses, (0.1 + 0.3)/2 here, not the
     * rate-weighted 0.1 x 1/(1+81) + 0.3 x 81/(1+81) of an ordinary fit through the origin.
     */
    @Test
    void disagreeingSamplesAreAveragedPerSpike() {
        double[] fe = {5, 20};
        double[] fi = {10, 10};
        double[] p = {0.05, 0.05};
        double[] fout = {1, 9};
        double[] drive = new double[2];
        double[] rate = new double[2];
        double[] perSpike = {0.1, 0.3};
        for (int i = 0; i < 2; i++) {
            Fluctuations f = MODEL.at(fe[i], fi[i], 0, p[i]);
            double[] g = MCurrentGate.gaussian(f.muV(), f.sV());
            drive[i] = g[0] + fout[i] * perSpike[i];
            rate[i] = g[1] + fout[i] * 2 * perSpike[i];
        }
        MCurrentGate gate = MCurrentGate.measure(MODEL, fe, fi, null, p, fout, drive, rate);
        assertEquals(0.2, gate.spikeDrive(), 1e-12);
        assertEquals(0.4, gate.spikeRate(), 1e-12);
    }

    /**
     * dp/dt = A - B p: at A/B it vanishes (to the rounding of A, 1e-12 of it), at p = 0 it is A,
     * and its slope is -B, with A and B the Gaussian averages plus nu times the per-spike values.
     */
    @Test
    void theDerivativeVanishesAtTheSteadyState() {
        MCurrentGate gate = new MCurrentGate(0.17, 0.2);
        for (double[] pt : POINTS) {
            Fluctuations f = MODEL.at(pt[0], pt[1], 0, pt[2]);
            double nu = pt[3];
            double[] g = MCurrentGate.gaussian(f.muV(), f.sV());
            double a = g[0] + nu * 0.17;
            double b = g[1] + nu * 0.2;
            double steady = gate.steadyState(f, nu);
            assertEquals(a / b, steady, 1e-12 * a / b);
            assertTrue(steady > 0 && steady < 1, "a gate: " + steady);
            assertEquals(0, gate.derivative(f, nu, steady), 1e-12 * a, "at the steady state " + steady);
            assertEquals(a, gate.derivative(f, nu, 0), 1e-12 * a);
            assertEquals(a - b, gate.derivative(f, nu, 1), 1e-12 * b);
        }
    }

    /**
     * A silent HH_RS cell with its gate held at 0.1: the simulator's time averages of p_inf/tau_p
     * and 1/tau_p against the Gaussian at the template's muV and sV. The template is an
     * approximation of the potential's distribution (the shot-noise formulas for muV and sV, a
     * Gaussian where the conductance-driven V is skewed, subthreshold Na/K currents it ignores);
     * it was measured to agree within 1 %. Statistics: 4 x 2.5 s against a correlation time of
     * ~10 ms is ~1000 independent samples of a quantity whose SD is ~15 % of its mean (3 mV over
     * the 20 mV scale of tau_p), so ~0.5 % standard error (4 against 40 seeds moved them by
     * 0.7 %). Hence 3 %. Against the Gaussian at the measured muV and sV of the same samples the
     * sampling error mostly cancels and only the shape of the distribution is left (measured:
     * 0.03 %): 0.5 %. Both would catch averages taken in the wrong units or over the transient.
     */
    @Test
    void gateAveragesOfASilentHeldCellAreTheTemplatesGaussian() {
        double fe = 2;
        double fi = 10;
        double p = 0.1;
        Cell held = SlowCurrents.STATE_VARIABLES.held(HH_RS, 0, p);
        TransferScan.Settings s = TransferScan.Settings.of(Map.of("dt_ms", 0.1, "seeds", 4, "tstop_ms", 3000.0,
                "transient_ms", 500.0));
        List<Measurement> ms = TransferScan.points(held, CONFIG1, PresynapticInput.POISSON, new double[] {fe},
                new double[] {fi}, 0, p, s, Progress.NONE);
        Measurement m = ms.get(0);
        assertEquals(0, m.meanRate(), "the cell is silent at fe = 2 Hz, fi = 10 Hz with the gate at 0.1");
        assertEquals(p, m.p());
        Fluctuations f = MODEL.at(fe, fi, 0, p);
        double[] g = MCurrentGate.gaussian(f.muV(), f.sV());
        String what = "template muV = " + f.muV() * 1e3 + " mV, sV = " + f.sV() * 1e3 + " mV; measured muV = "
                + m.muV() * 1e3 + " mV, sV = " + m.sV() * 1e3 + " mV; gate averages " + m.gateDrive() + ", "
                + m.gateRate() + " 1/s, Gaussian " + g[0] + ", " + g[1];
        assertEquals(g[0], m.gateDrive(), 0.03 * g[0], "<p_inf/tau_p>: " + what);
        assertEquals(g[1], m.gateRate(), 0.03 * g[1], "<1/tau_p>: " + what);
        double[] own = MCurrentGate.gaussian(m.muV(), m.sV());
        assertEquals(own[0], m.gateDrive(), 0.005 * own[0], "<p_inf/tau_p> at the measured moments: " + what);
        assertEquals(own[1], m.gateRate(), 0.005 * own[1], "<1/tau_p> at the measured moments: " + what);
    }

    /**
     * A free gate is stationary on average: over a long run the time mean of dp/dt,
     * {@code <p_inf/tau_p> - <p/tau_p>}, is the change of p from the end of the transient to the
     * end over the counted time, so gateDrive / gateRate (gateRate being {@code <p/tau_p>/<p>} for a
     * free gate) is the gate's own mean. The firing cell's gate moves by at most ~0.2 over 2.5 s
     * against a drive of ~1.3 /s, per repetition, and the 8 repetitions' ends are independent:
     * well under 1 %; the exact gating step against the continuous equation adds O(dt / tau_p)
     * = 0.1 %. Hence 1 %. The held gate's rate, {@code <1/tau_p>}, would miss it by the gate's
     * correlation with V around each spike: a few per cent at this rate (checked as larger than 1 %).
     */
    @Test
    void aFreeGatesDriveOverItsDecayRateIsItsMean() {
        double fe = 5.5;
        double fi = 7.6;
        TransferScan.Settings s = TransferScan.Settings.of(Map.of("dt_ms", 0.1, "seeds", 8, "tstop_ms", 3000.0,
                "transient_ms", 500.0));
        Measurement m = TransferScan.points(HH_RS, CONFIG1, PresynapticInput.POISSON, new double[] {fe},
                new double[] {fi}, s, Progress.NONE).get(0);
        assertTrue(m.meanRate() > 0.5, "the cell fires: " + m.meanRate() + " Hz");
        assertEquals(m.gateMean(), m.gateDrive() / m.gateRate(), 0.01 * m.gateMean(), m.toString());
        Measurement held = TransferScan.points(SlowCurrents.STATE_VARIABLES.held(HH_RS, 0, m.gateMean()), CONFIG1,
                PresynapticInput.POISSON, new double[] {fe}, new double[] {fi}, s, Progress.NONE).get(0);
        assertTrue(Double.isNaN(held.gateMean()), "a held gate has no mean of its own");
        assertTrue(m.gateRate() > 1.01 * held.gateRate(), "the free gate decays faster on average: " + m.gateRate()
                + " against " + held.gateRate() + " 1/s held at its mean");
    }
}
