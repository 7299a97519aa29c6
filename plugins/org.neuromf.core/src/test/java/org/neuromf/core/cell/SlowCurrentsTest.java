package org.neuromf.core.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.transfer.FluctuationModel;
import org.neuromf.core.transfer.Fluctuations;

/** The cell a transfer function is measured on when the mean field carries its slow currents. */
class SlowCurrentsTest {

    static final SynapticInput CONFIG1 = SynapticInput.onto(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"), 0);

    /** The parameters of a cell but those named, as a map in customary units. */
    private static Map<String, Object> others(Cell cell, Set<String> left) {
        Map<String, Object> m = new HashMap<>(cell.parameters().asMap());
        m.keySet().removeAll(left);
        return m;
    }

    /**
     * gM p in parallel with gL: gL' = 10 + 30 p nS and EL' = (10 x -65 + 30 p x -90) / gL' mV,
     * written out from the preset's values (checked first). Values pass through customary units
     * (nS, mV) and back: 1e-12 relative.
     */
    @Test
    void aHeldMGateIsALeakTowardsEK() {
        HodgkinHuxleyCell rs = (HodgkinHuxleyCell) CellPresets.get("HH_RS");
        assertEquals(10e-9, rs.gL, 1e-21);
        assertEquals(30e-9, rs.gM, 1e-21);
        assertEquals(-65e-3, rs.eL, 1e-15);
        assertEquals(-90e-3, rs.eK, 1e-15);
        assertTrue(SlowCurrents.STATE_VARIABLES.carriesGate(rs));
        assertFalse(SlowCurrents.PAPER.carriesGate(rs));
        for (double p : new double[] {0, 0.1, 0.37, 1}) {
            HodgkinHuxleyCell held = (HodgkinHuxleyCell) SlowCurrents.STATE_VARIABLES.held(rs, 0, p);
            double gL = (10 + 30 * p) * 1e-9;
            double eL = (10 * -65 + 30 * p * -90) / (10 + 30 * p) * 1e-3;
            assertEquals(0, held.gM, 0, "p = " + p);
            assertEquals(gL, held.gL, 1e-12 * gL, "p = " + p);
            assertEquals(eL, held.eL, 1e-12 * Math.abs(eL), "p = " + p);
            assertEquals(0, held.parameters().real("gm_ns"), 0);
            assertEquals(others(rs, Set.of("gm_ns", "gl_ns", "el_mv")), others(held, Set.of("gm_ns", "gl_ns", "el_mv")),
                    "nothing else changes");
            assertFalse(SlowCurrents.STATE_VARIABLES.carriesGate(held), "the held cell has no gate left");
        }
        // p = 0.1: 13 nS towards -920/13 = -70.77 mV
        HodgkinHuxleyCell tenth = (HodgkinHuxleyCell) SlowCurrents.STATE_VARIABLES.held(rs, 0, 0.1);
        assertEquals(13.0, tenth.parameters().real("gl_ns"), 1e-12);
        assertEquals(-920.0 / 13, tenth.parameters().real("el_mv"), 1e-12);
        // scanned: held at p = 0, the M current gone and the leak as it was
        HodgkinHuxleyCell scanned = (HodgkinHuxleyCell) SlowCurrents.STATE_VARIABLES.scanned(rs);
        assertEquals(0, scanned.gM, 0);
        assertEquals(rs.gL, scanned.gL, 1e-12 * rs.gL);
        assertEquals(rs.eL, scanned.eL, 1e-12 * Math.abs(rs.eL));
    }

    /**
     * A shifted gate keeps gM and its gate, and adds gM shift in parallel with gL, of either sign:
     * shift 0.1 gives 13 nS towards -70.77 mV as above, shift -0.1 gives 7 nS towards
     * (-650 + 270) / 7 = -54.29 mV; a shift that leaves no leak is refused, naming the cell.
     */
    @Test
    void aShiftedGateKeepsTheMCurrentAndMovesTheLeak() {
        HodgkinHuxleyCell rs = (HodgkinHuxleyCell) CellPresets.get("HH_RS");
        HodgkinHuxleyCell none = (HodgkinHuxleyCell) SlowCurrents.gateShifted(rs, 0);
        assertEquals(rs.parameters().asMap(), none.parameters().asMap(), "no shift, the cell as it was");
        HodgkinHuxleyCell up = (HodgkinHuxleyCell) SlowCurrents.gateShifted(rs, 0.1);
        assertEquals(30.0, up.parameters().real("gm_ns"), 1e-12);
        assertEquals(13.0, up.parameters().real("gl_ns"), 1e-12);
        assertEquals(-920.0 / 13, up.parameters().real("el_mv"), 1e-12);
        HodgkinHuxleyCell down = (HodgkinHuxleyCell) SlowCurrents.gateShifted(rs, -0.1);
        assertEquals(7.0, down.parameters().real("gl_ns"), 1e-12);
        assertEquals(-380.0 / 7, down.parameters().real("el_mv"), 1e-12);
        assertEquals(others(rs, Set.of("gl_ns", "el_mv")), others(down, Set.of("gl_ns", "el_mv")), "nothing else changes");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SlowCurrents.gateShifted(rs, -0.34));
        assertTrue(e.getMessage().contains("HH_RS") && e.getMessage().contains("leak"), e.getMessage());
    }

    @Test
    void cellsWithoutACarriedGateAreUnchanged() {
        Cell rs = CellPresets.get("HH_RS");
        assertSame(rs, SlowCurrents.PAPER.held(rs, 0, 0.3), "the paper keeps the M current in the transfer function");
        assertSame(rs, SlowCurrents.PAPER.scanned(rs));
        Cell fs = CellPresets.get("HH_FS");
        assertEquals(0, ((HodgkinHuxleyCell) fs).gM);
        assertFalse(SlowCurrents.STATE_VARIABLES.carriesGate(fs));
        assertSame(fs, SlowCurrents.STATE_VARIABLES.held(fs, 0, 0.3), "HH_FS has no M current");
        Cell rs2 = CellPresets.get("RS-cell2");
        assertFalse(SlowCurrents.carriesAdaptation(rs2));
        assertSame(rs2, SlowCurrents.STATE_VARIABLES.held(rs2, 40e-12, 0.3), "RS-cell2 does not adapt");
    }

    /**
     * An adapting AdEx cell held at W: no adaptation (a = b = 0) and W as a constant outward
     * current, I0 - W; both settings hold it, since the paper's mean field carries W too.
     */
    @Test
    void aHeldAdaptationIsAConstantCurrent() {
        AdExCell rs = (AdExCell) CellPresets.get("RS-cell");
        assertTrue(rs.adapts() && SlowCurrents.carriesAdaptation(rs));
        assertFalse(SlowCurrents.STATE_VARIABLES.carriesGate(rs));
        double w = 40e-12;
        for (SlowCurrents slow : SlowCurrents.values()) {
            AdExCell held = (AdExCell) slow.held(rs, w, 0.5);
            assertEquals(0, held.a, 0, slow.name());
            assertEquals(0, held.b, 0, slow.name());
            assertFalse(held.adapts());
            assertEquals(rs.i0 - w, held.i0, 1e-12 * w, slow.name());
            assertEquals(others(rs, Set.of("a_ns", "b_pa", "i0_pa")), others(held, Set.of("a_ns", "b_pa", "i0_pa")),
                    "nothing else changes");
        }
        assertEquals(-w, ((AdExCell) SlowCurrents.STATE_VARIABLES.held(rs.with(Map.of("i0_pa", 0.0)), w, 0)).i0,
                1e-12 * w);
    }

    /**
     * The two definitions of a held gate, the cell with gM p merged into its leak and the whole
     * cell's template with the conductance gM p towards EK, give the same membrane: the same
     * muG, muV, sV and tauV to rounding (1e-12). (TvN and muG/gL are normalised by each cell's
     * own leak, so they differ by design: the fit and the mean field both use the whole cell's.)
     */
    @Test
    void theHeldCellsTemplateIsTheWholeCellsWithTheGate() {
        Cell rs = CellPresets.get("HH_RS");
        FluctuationModel whole = FluctuationModel.of(rs, CONFIG1);
        double[][] points = {{2, 10, 0.1}, {5, 8, 0.05}, {0, 0, 0.3}, {20, 30, 1}, {12, 0, 0.02}};
        for (double[] pt : points) {
            Cell held = SlowCurrents.STATE_VARIABLES.held(rs, 0, pt[2]);
            Fluctuations a = FluctuationModel.of(held, CONFIG1).at(pt[0], pt[1]);
            Fluctuations b = whole.at(pt[0], pt[1], 0, pt[2]);
            String at = "fe = " + pt[0] + ", fi = " + pt[1] + ", p = " + pt[2];
            assertEquals(b.muG(), a.muG(), 1e-12 * b.muG(), "muG at " + at);
            assertEquals(b.muV(), a.muV(), 1e-12 * Math.abs(b.muV()), "muV at " + at);
            assertEquals(b.sV(), a.sV(), 1e-12 * b.sV(), "sV at " + at);
            assertEquals(b.tauV(), a.tauV(), 1e-12 * b.tauV(), "tauV at " + at);
            if (pt[2] > 0) {
                Fluctuations without = whole.at(pt[0], pt[1], 0, 0);
                assertTrue(b.muV() < without.muV() - 1e-4, "the gate hyperpolarises at " + at);
            }
        }
    }
}
