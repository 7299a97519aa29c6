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
 * (Campbell's theorem) the conductance has mean K nu Q tau and variance K nu Q^2 tau / 2. On the
 * grid of dt, sampled at the start of each step, with lambda = K nu dt events per step and
 * d = exp(-dt/tau): mean Q lambda / (1 - d), variance Q^2 Var(count) / (1 - d^2), where Var(count)
 * is lambda for Poisson counts and lambda (1 - lambda) for the authors' Bernoulli draws. At
 * dt = 0.1 ms and tau = 5 ms these exceed the continuous values by 1 % (mean) and 2 % (variance).
 */
class ShotNoiseTest {

    private static final double K = 400;
    private static final double NU = 4;
    private static final double Q = 1e-9;
    private static final double TAU = 5e-3;
    private static final double DT = 1e-4;
    private static final int NEURONS = 40;
    private static final double TSTOP_MS = 5000;

    /** Mean and variance of the recorded conductance, over all neurons, after 50 ms. */
    private static double[] conductanceMoments(String process, long seed) {
        Cell cell = CellPresets.get("LIF");
        SimulationSettings s = SimulationSettings.of(Map.of("tstop_ms", TSTOP_MS, "transient_ms", 0.0, "n_rec", NEURONS,
                "kick_duration_ms", 0.0, "drive_process", process, "seed", seed));
        SimulationResult r = new NetworkSimulator(SingleNeuron.isolated(cell, NEURONS, NU, K, Q, TAU), Waveform.NONE, s)
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

    @Test
    void poissonDriveHasCampbellMeanAndVariance() {
        double[] m = conductanceMoments("poisson", 11);
        double lambda = K * NU * DT;
        double d = Math.exp(-DT / TAU);
        double mean = Q * lambda / (1 - d);
        double var = Q * Q * lambda / (1 - d * d);
        // about 40 neurons x 5 s / (2 tau) = 2e4 independent samples: standard errors of 0.2 % (mean)
        // and 1 % (variance); tolerances are about 4 standard errors
        assertEquals(mean, m[0], 0.008 * mean, "mean conductance (grid formula)");
        assertEquals(var, m[1], 0.04 * var, "conductance variance (grid formula)");
        // the continuous-time values, with the 1 % and 2 % grid offsets on top
        assertEquals(K * NU * Q * TAU, m[0], 0.018 * K * NU * Q * TAU, "K nu Q tau");
        assertEquals(K * NU * Q * Q * TAU / 2, m[1], 0.06 * K * NU * Q * Q * TAU / 2, "K nu Q^2 tau / 2");
    }

    @Test
    void bernoulliDriveCutsTheVarianceByLambda() {
        double[] m = conductanceMoments("bernoulli", 12);
        double lambda = K * NU * DT;
        double d = Math.exp(-DT / TAU);
        assertEquals(Q * lambda / (1 - d), m[0], 0.008 * Q * lambda / (1 - d));
        // MODEL.md: at 1600 Hz and 0.1 ms the Bernoulli draws cut the variance by lambda = 16 %
        double var = Q * Q * lambda * (1 - lambda) / (1 - d * d);
        assertEquals(var, m[1], 0.04 * var);
    }
}
