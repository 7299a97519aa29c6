package org.neuromf.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/**
 * The external drive as shot noise: K synapses at rate nu, quantum Q, decay tau. In continuous time
 * (Campbell's theorem) the conductance has mean K nu Q tau and variance K nu Q^2 tau / 2.
 * <ul>
 * <li>{@code synaptic_timing = exact}: each event enters at a uniform time within its step, decayed
 * by the rest of the step, so the conductance sampled on the grid is the continuous one: these
 * values at any dt.</li>
 * <li>{@code step}: each event adds Q whole at the end of its step. With lambda = K nu dt events per
 * step and d = exp(-dt/tau), the sampled conductance has mean Q lambda / (1 - d) and variance
 * Q^2 Var(count) / (1 - d^2), where Var(count) is lambda for Poisson counts and lambda (1 - lambda)
 * for the authors' Bernoulli draws: at dt = 0.1 ms and tau = 5 ms 1 % (mean) and 2 % (variance)
 * above the continuous values, at 0.5 ms 5 % and 10 %.</li>
 * </ul>
 */
class ShotNoiseTest {

    private static final double K = 400;
    private static final double NU = 4;
    private static final double Q = 1e-9;
    private static final double TAU = 5e-3;
    private static final int NEURONS = 40;
    private static final double TSTOP_MS = 5000;

    /** Mean and variance of the recorded conductance, over all neurons, after 50 ms. */
    private static double[] conductanceMoments(String process, String timing, double dtMs, double nu, long seed) {
        Cell cell = CellPresets.get("LIF");
        SimulationSettings s = SimulationSettings.of(Map.of("tstop_ms", TSTOP_MS, "dt_ms", dtMs, "rate_bin_ms", dtMs,
                "transient_ms", 0.0, "n_rec", NEURONS, "kick_duration_ms", 0.0, "drive_process", process,
                "synaptic_timing", timing, "seed", seed));
        SimulationResult r = new NetworkSimulator(SingleNeuron.isolated(cell, NEURONS, nu, K, Q, TAU), Waveform.NONE, s)
                .run(Progress.NONE);
        Table traces = r.tracesTable();
        int g = traces.schema().require("g_exc_ns", "traces");
        int time = traces.schema().require("time_ms", "traces");
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int row = 0; row < traces.rowCount(); row++) {
            if (traces.getDouble(row, time) < 50) {
                continue;
            }
            double x = traces.getDouble(row, g) * 1e-9;
            sum += x;
            sumSq += x * x;
            n++;
        }
        double mean = sum / n;
        return new double[] {mean, sumSq / n - mean * mean};
    }

    /**
     * 40 neurons x 5 s / (2 tau) = 2e4 independent samples: relative standard errors of
     * 1/sqrt(2 K nu tau) / sqrt(2e4) for the mean (0.18 % at 4 Hz, 0.056 % at 40 Hz) and about 1 % for
     * the variance; the tolerances are about 4 standard errors.
     */
    @Test
    void exactTimingGivesCampbellsMeanAndVarianceAtAnyDt() {
        double nu = 40; // K nu tau = 80: a mean resolved to 0.06 %, far below the 1 % that step timing adds
        double mean = K * nu * Q * TAU;
        double var = K * nu * Q * Q * TAU / 2;
        long seed = 21;
        for (double dtMs : new double[] {0.1, 0.5}) {
            double[] m = conductanceMoments("poisson", "exact", dtMs, nu, seed++);
            assertEquals(mean, m[0], 0.0025 * mean, "K nu Q tau at dt = " + dtMs + " ms");
            assertEquals(var, m[1], 0.04 * var, "K nu Q^2 tau / 2 at dt = " + dtMs + " ms");
        }
    }

    @Test
    void stepTimingHasTheGridsMeanAndVariance() {
        double lambda = K * NU * 1e-4;
        double d = Math.exp(-1e-4 / TAU);
        double[] m = conductanceMoments("poisson", "step", 0.1, NU, 11);
        double mean = Q * lambda / (1 - d);
        double var = Q * Q * lambda / (1 - d * d);
        assertEquals(mean, m[0], 0.008 * mean, "mean conductance (grid formula)");
        assertEquals(var, m[1], 0.04 * var, "conductance variance (grid formula)");
        // the continuous-time values, with the 1 % and 2 % grid offsets on top
        assertEquals(K * NU * Q * TAU, m[0], 0.018 * K * NU * Q * TAU, "K nu Q tau");
        assertEquals(K * NU * Q * Q * TAU / 2, m[1], 0.06 * K * NU * Q * Q * TAU / 2, "K nu Q^2 tau / 2");

        // at a coarse step the bias is 5 %: Q K nu dt / (1 - exp(-dt/tau)) against K nu Q tau
        double nu = 40;
        double dt = 5e-4;
        double[] coarse = conductanceMoments("poisson", "step", 0.5, nu, 13);
        double biased = Q * K * nu * dt / (1 - Math.exp(-dt / TAU));
        assertEquals(biased, coarse[0], 0.0025 * biased, "grid formula at dt = 0.5 ms");
        assertEquals(1.05, biased / (K * nu * Q * TAU), 0.001);
    }

    @Test
    void bernoulliDriveCutsTheVarianceByLambda() {
        double lambda = K * NU * 1e-4;
        double d = Math.exp(-1e-4 / TAU);
        double[] m = conductanceMoments("bernoulli", "step", 0.1, NU, 12);
        assertEquals(Q * lambda / (1 - d), m[0], 0.008 * Q * lambda / (1 - d));
        // MODEL.md: at 1600 Hz and 0.1 ms the Bernoulli draws cut the variance by lambda = 16 %
        double var = Q * Q * lambda * (1 - lambda) / (1 - d * d);
        assertEquals(var, m[1], 0.04 * var);

        // exact timing: an event with probability lambda per step, adding Q X with X = exp(-u dt/tau), u uniform;
        // E[X] = (1 - d) tau/dt gives the continuous mean, and the variance is Q^2 (lambda E[X^2] - lambda^2 E[X]^2) / (1 - d^2)
        double[] e = conductanceMoments("bernoulli", "exact", 0.1, NU, 14);
        double a = 1e-4 / TAU;
        double ex = (1 - d) / a;
        double ex2 = (1 - d * d) / (2 * a);
        double exactVar = Q * Q * (lambda * ex2 - lambda * lambda * ex * ex) / (1 - d * d);
        assertEquals(K * NU * Q * TAU, e[0], 0.008 * K * NU * Q * TAU, "K nu Q tau");
        assertEquals(exactVar, e[1], 0.04 * exactVar);
        assertEquals(1 - lambda, exactVar / (K * NU * Q * Q * TAU / 2), 0.002, "cut by about lambda");
    }
}
