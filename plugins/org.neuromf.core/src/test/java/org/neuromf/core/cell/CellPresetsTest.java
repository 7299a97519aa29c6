package org.neuromf.core.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.Table;

class CellPresetsTest {

    @Test
    void hhPresetsHaveThePublishedParameters() {
        // MODEL.md section 1: common values, then what each preset changes
        for (String name : new String[] {"HH_RS", "HH_FS", "HH_RS1", "HH_RS2", "HH_RS_noAd", "HH_RS_A"}) {
            HodgkinHuxleyCell c = (HodgkinHuxleyCell) CellPresets.get(name);
            assertEquals(20000e-9, c.gNa, 1e-18);
            assertEquals(6000e-9, c.gK, 1e-18);
            assertEquals(-65e-3, c.eL, 1e-15);
            assertEquals(50e-3, c.eNa, 1e-15);
            assertEquals(-90e-3, c.eK, 1e-15);
            assertEquals(-53.5e-3, c.vT, 1e-15);
        }
        Map<String, double[]> gmGlCm = Map.of("HH_RS", new double[] {30, 10, 200}, "HH_FS", new double[] {0, 10, 200},
                "HH_RS1", new double[] {80, 10, 200}, "HH_RS2", new double[] {15, 10, 200},
                "HH_RS_noAd", new double[] {0, 20, 200}, "HH_RS_A", new double[] {30, 10, 50});
        gmGlCm.forEach((name, v) -> {
            Map<String, Object> p = CellPresets.get(name).parameters().asMap();
            assertEquals(v[0], p.get("gm_ns"), name);
            assertEquals(v[1], p.get("gl_ns"), name);
            assertEquals(v[2], p.get("cm_pf"), name);
        });
    }

    @Test
    void adexPresetsHaveThePublishedParameters() {
        // name: gl, cm, el, vthre, vreset, delta_v, a, b (MODEL.md table)
        Map<String, double[]> table = Map.of(
                "LIF", new double[] {10, 150, -60, -50, -60, 0, 0, 0},
                "EIF", new double[] {10, 150, -60, -50, -60, 2, 0, 0},
                "AdExp", new double[] {10, 150, -60, -50, -60, 2, 4, 20},
                "RS-cell", new double[] {10, 200, -65, -50, -65, 2, 4, 20},
                "RS-cell2", new double[] {10, 200, -65, -50, -65, 2, 0, 0},
                "FS-cell", new double[] {10, 200, -65, -50, -65, 0.5, 0, 0});
        String[] keys = {"gl_ns", "cm_pf", "el_mv", "vthre_mv", "vreset_mv", "delta_v_mv", "a_ns", "b_pa"};
        table.forEach((name, v) -> {
            Map<String, Object> p = CellPresets.get(name).parameters().asMap();
            for (int i = 0; i < keys.length; i++) {
                assertEquals(v[i], (Double) p.get(keys[i]), 0, name + " " + keys[i]);
            }
            assertEquals(5.0, p.get("t_refrac_ms"), name);
        });
        assertEquals(500.0, CellPresets.get("RS-cell").parameters().asMap().get("tau_w_ms"));
    }

    /** Adaptation (AdEx tau_w, the HH M current, Morris-Lecar's w) or else the membrane's C/gL. */
    @Test
    void slowestTimeConstants() {
        Map<String, Double> expected = Map.of("RS-cell", 0.5, "RS-cell2", 0.02, "FS-cell", 0.02, "LIF", 0.015,
                "HH_RS", 0.4 / (2 * Math.sqrt(3.3)), "HH_FS", 0.02, "HH_RS_noAd", 0.01, "ML_RS", 1 / 130.0);
        expected.forEach((name, tau) -> assertEquals(tau, CellPresets.get(name).slowestTimeConstant(), 1e-12 * tau, name));
    }

    @Test
    void cellTableRoundTrip() {
        for (String name : CellPresets.names()) {
            Cell cell = CellPresets.get(name);
            Table t = CellTable.toTable(cell);
            assertEquals(1, t.rowCount());
            assertEquals(cell, CellTable.fromRow(t, 0, "cell table"));
            assertEquals(name, t.getString(0, "cell"));
        }
    }

    @Test
    void changesAreCheckedAndNamed() {
        Cell c = CellPresets.get("HH_RS").with(CellChanges.parse("gm_ns=15, gl_ns=20", CellFamily.HH));
        assertEquals(15.0, c.parameters().real("gm_ns"));
        assertEquals(20.0, c.parameters().real("gl_ns"));
        ParameterException e = assertThrows(ParameterException.class, () -> CellChanges.parse("vthre_mv=-50", CellFamily.HH));
        assertTrue(e.getMessage().contains("vthre_mv") && e.getMessage().contains("gm_ns"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> CellChanges.parse("gl_ns=-3", CellFamily.HH));
        assertTrue(e.getMessage().contains("gl_ns = -3") && e.getMessage().contains("(0, 1000000] nS"), e.getMessage());
    }

    @Test
    void unknownPresetListsThePresets() {
        ParameterException e = assertThrows(ParameterException.class, () -> CellPresets.get("HH_XX"));
        assertTrue(e.getMessage().contains("HH_XX") && e.getMessage().contains("HH_RS") && e.getMessage().contains("ML_FS"));
    }

    @Test
    void adexResetMustLieBelowThreshold() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> CellPresets.get("LIF").with(Map.of("vreset_mv", -40.0)));
        assertTrue(e.getMessage().contains("vreset_mv = -40"), e.getMessage());
    }
}
