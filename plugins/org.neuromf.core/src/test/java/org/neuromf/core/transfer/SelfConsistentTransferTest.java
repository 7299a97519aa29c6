package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.SelfConsistentTransferOperation;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/** The scan, mean field and rescan loop, on the AdEx network (cheap to integrate) with fewer spikes per point. */
class SelfConsistentTransferTest {

    private static final Network ADEX = NetworkBuilder.fromConfig("RS-cell--FS-cell--CONFIG1");

    private static ParameterValues small(Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("target_spikes", 100, "max_seeds", 12, "tstop_ms", 5000.0,
                "transient_ms", 1000.0, "focus_spikes", 1000));
        m.put("max_iterations", 1);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return ParameterValues.of(SelfConsistentTransfer.PARAMETERS, m);
    }

    @Test
    void eachRescanUsesTheTrainsTheCellsSentAtTheLastFixedPoint() {
        SelfConsistentTransfer.Result r = SelfConsistentTransfer.run(ADEX, small(), Progress.NONE);
        List<SelfConsistentTransfer.Iteration> its = r.iterations();
        assertEquals(2, its.size(), "the Poisson scan and one rescan");
        assertTrue(its.get(0).inputs()[0].isPoisson() && its.get(0).inputs()[1].isPoisson(), "iteration 0 is Poisson");
        for (int k = 1; k < its.size(); k++) {
            Measurement[] sent = its.get(k - 1).atFixedPoint();
            for (int post = 0; post < 2; post++) {
                assertEquals(sent[0].intervals().train(), its.get(k).inputs()[post].excitatory());
                assertEquals(sent[1].intervals().train(), its.get(k).inputs()[post].inhibitory());
                assertEquals(ADEX.population(post).driveRate(), its.get(k).inputs()[post].externalRate());
            }
        }
        // FS-cell fires more regularly than Poisson at the fixed point, RS-cell (adapting) too
        for (int a = 0; a < 2; a++) {
            double cv = its.get(0).atFixedPoint()[a].intervals().cv();
            assertTrue(cv > 0.2 && cv < 1, "output CV " + cv);
        }
        // the adapting cell's focus points (the last 5 samples) hold the W of the fixed point they surround
        for (SelfConsistentTransfer.Iteration it : its) {
            List<Measurement> exc = it.samples().get(0);
            double w = exc.get(exc.size() - 1).w();
            assertTrue(w > 10e-12 && w < 200e-12, "W " + w);
            for (int k = exc.size() - 5; k < exc.size(); k++) {
                assertEquals(w, exc.get(k).w());
            }
            assertEquals(0, exc.get(exc.size() - 6).w(), "grid points at W = 0");
            it.samples().get(1).forEach(m -> assertEquals(0, m.w(), "FS-cell does not adapt"));
        }
        // a rescan's focus points surround the fixed point of the iteration before it
        for (int k = 1; k < its.size(); k++) {
            for (List<Measurement> cell : its.get(k).samples()) {
                Measurement centre = cell.get(cell.size() - 5);
                assertEquals(its.get(k - 1).nuE() + ADEX.population(0).driveRate(), centre.fe(), 1e-12);
                assertEquals(its.get(k - 1).nuI(), centre.fi(), 1e-12);
            }
        }
        // the fit passes near what was measured at the fixed point (the focus points weigh most there)
        SelfConsistentTransfer.Iteration last = r.last();
        assertEquals(last.atFixedPoint()[1].meanRate(), last.nuI(), 0.15 * last.nuI());
    }

    @Test
    void theLoopGivesTheSameResultOnOneAndTwoThreads() {
        SelfConsistentTransferOperation op = new SelfConsistentTransferOperation();
        Table network = NetworkTable.toTable(ADEX);
        Table one = op.run(List.of(network), small("threads", 1), Progress.NONE).table(0);
        Table two = op.run(List.of(network), small("threads", 2), Progress.NONE).table(0);
        assertEquals(2, one.rowCount());
        for (String column : List.of("nu_e_hz", "nu_i_hz", "in_cv_inh", "out_cv_exc")) {
            for (int r = 0; r < 2; r++) {
                assertEquals(one.getDouble(r, column), two.getDouble(r, column), 0, column);
            }
        }
    }
}
