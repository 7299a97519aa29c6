package org.neuromf.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.AdExCell;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.InDegree;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.Pathway;
import org.neuromf.core.network.Population;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/**
 * Recurrent spikes under both timings, on a deterministic pair: one neuron driven by a constant
 * current (no noise, no input) projects onto one silent LIF neuron. Its conductance there decays by
 * d = exp(-dt/tau) per step, so what a spike of step k added is g(t_k+1) - d g(t_k), read from the
 * traces.
 */
class SynapticTimingTest {

    private static final double Q = 2e-9;
    private static final double TAU = 4e-3;
    private static final double DT = 1e-4;

    private static Network pair(Cell pre) {
        Cell silent = CellPresets.get("LIF");
        return new Network("pair", List.of(new Population("pre", 1, pre, 0, 0, 0), new Population("post", 1, silent, 0, 0, 0)),
                List.of(new Pathway("pre", "pre", 0, InDegree.BINOMIAL, Q, TAU, 0),
                        new Pathway("pre", "post", 1, InDegree.BINOMIAL, Q, TAU, 0),
                        new Pathway("post", "pre", 0, InDegree.BINOMIAL, Q, TAU, -0.08),
                        new Pathway("post", "post", 0, InDegree.BINOMIAL, Q, TAU, -0.08)));
    }

    /**
     * Every spike of the presynaptic neuron adds to its target Q decayed from its threshold crossing
     * to the end of the step (exact) or Q whole (step). The crossing is interpolated between V before
     * the step and {@code after.applyAsDouble(V before, V recorded after)}, the V reached before any
     * reset.
     */
    private static void checkDeliveries(Cell pre, String timing, double threshold, DoubleBinaryOperator after) {
        SimulationSettings s = SimulationSettings.of(Map.of("tstop_ms", 300.0, "transient_ms", 0.0, "n_rec", 1,
                "kick_duration_ms", 0.0, "synaptic_timing", timing));
        SimulationResult r = new NetworkSimulator(pair(pre), Waveform.NONE, s).run(Progress.NONE);
        Table spikes = r.spikesTable();
        Table traces = r.tracesTable();
        int steps = s.steps();
        assertTrue(spikes.rowCount() >= 5, pre.name() + " must fire: " + spikes.rowCount());
        double d = Math.exp(-DT / TAU);
        double earliest = 1;
        for (int i = 0; i < spikes.rowCount(); i++) {
            int k = (int) Math.round(spikes.getDouble(i, "time_ms") / (DT * 1e3)); // the start of the spike's step
            if (k + 1 >= steps) {
                continue;
            }
            double before = traces.getDouble(k, "v_mv") * 1e-3;
            double fraction = (threshold - before) / (after.applyAsDouble(before, traces.getDouble(k + 1, "v_mv") * 1e-3)
                    - before);
            double added = (traces.getDouble(steps + k + 1, "g_pre_ns") - d * traces.getDouble(steps + k, "g_pre_ns")) * 1e-9;
            double expected = timing.equals("step") ? Q : Q * Math.exp(-(1 - fraction) * DT / TAU);
            String where = pre.name() + ", " + timing + ": spike at step " + k + ", crossing at " + fraction;
            assertTrue(fraction >= 0 && fraction < 1, where);
            assertEquals(expected, added, 1e-9 * Q, where);
            earliest = Math.min(earliest, fraction);
        }
        // the exact quanta differ from Q by up to dt/tau = 2.5 %: a crossing early in its step tells the timings apart
        assertTrue(earliest < 0.6, pre.name() + ": earliest crossing at " + earliest + " of its step");
    }

    @Test
    void aSpikeDeliversQDecayedFromItsThresholdCrossing() {
        for (String timing : new String[] {"exact", "step"}) {
            // HH and Morris-Lecar: the upward crossing of v_spike between the potentials before and after the step
            for (Cell cell : new Cell[] {CellPresets.get("HH_RS").with(Map.of("i0_pa", 600)),
                CellPresets.get("ML_RS").with(Map.of("i0_pa", 400))}) {
                checkDeliveries(cell, timing, cell.parameters().si("v_spike_mv"), (before, recorded) -> recorded);
            }
            // AdEx (here LIF: no exponential term, no adaptation, no input): the crossing of vthre + 5 delta_v
            // by the step's relaxation towards V_inf = EL + I/gL, before V is reset
            AdExCell lif = (AdExCell) CellPresets.get("LIF").with(Map.of("i0_pa", 200));
            double vInf = lif.eL + lif.i0 / lif.gL;
            double decay = Math.exp(-DT * lif.gL / lif.cm);
            checkDeliveries(lif, timing, lif.spikeThreshold(), (before, recorded) -> vInf + (before - vInf) * decay);
        }
    }
}
