package org.neuromf.core.cell;

import java.util.HashMap;
import java.util.Map;

/**
 * Which slow currents the mean field carries as state variables (docs/mean-field.md section 6),
 * and the cell on which a transfer function is measured accordingly: a current the mean field
 * carries is held fixed during the measurement, so that the transfer function describes the cell
 * at a given value of it.
 */
public enum SlowCurrents {
    /**
     * As Carlu et al. 2020: the adaptation W of AdEx cells is a state variable (di Volo et al. 2019);
     * every other slow current, the M current of HH cells among them, is inside the stationary
     * transfer function.
     */
    PAPER,
    /** Every slow current is a state variable: W of AdEx cells and the M-current gate p of HH cells. */
    STATE_VARIABLES;

    /** Whether the mean field carries the M-current gate of this cell (an HH cell with gM > 0). */
    public boolean carriesGate(Cell cell) {
        return this == STATE_VARIABLES && cell instanceof HodgkinHuxleyCell hh && hh.gM > 0;
    }

    /** Whether the mean field carries the adaptation current W of this cell (an adapting AdEx cell). */
    public static boolean carriesAdaptation(Cell cell) {
        return cell instanceof AdExCell adex && adex.adapts();
    }

    /** The cell a transfer function is scanned on: {@link #held} at W = 0 and p = 0. */
    public Cell scanned(Cell cell) {
        return held(cell, 0, 0);
    }

    /**
     * The cell with the slow currents this mean field carries held fixed: an adapting AdEx cell
     * without its adaptation (a = b = 0) and with W as a constant outward current (I0 - w); an HH
     * cell whose M gate is carried, with the gate fixed at p, which makes the M current a constant
     * conductance gM p towards EK, merged into the leak: {@code gL' = gL + gM p},
     * {@code EL' = (gL EL + gM p EK) / gL'}, gM = 0. A cell without such currents is returned as it is.
     *
     * @param w the adaptation current (A)
     * @param p the M-current gate, in [0, 1]
     */
    public Cell held(Cell cell, double w, double p) {
        if (carriesAdaptation(cell)) {
            AdExCell adex = (AdExCell) cell;
            return cell.with(Map.of("a_ns", 0.0, "b_pa", 0.0, "i0_pa", (adex.i0 - w) * 1e12));
        }
        if (carriesGate(cell)) {
            return withMConductance((HodgkinHuxleyCell) cell, p, Map.of("gm_ns", 0.0));
        }
        return cell;
    }

    /**
     * The HH cell with its M gate free but the gate's mean moved by {@code shift}: the extra M
     * current gM shift (V - EK) is a constant conductance merged into the leak, as in {@link #held}.
     * Measured so, the cell fires as one whose own gate fluctuates with each of its spikes, around
     * a mean of its free gate's mean plus the shift; a held gate does not fluctuate, and the cell
     * held at its own mean fires a few per cent less (docs/mean-field.md section 6).
     *
     * @param shift the move of the gate's mean, either sign, as long as gL + gM shift stays positive
     */
    public static Cell gateShifted(HodgkinHuxleyCell cell, double shift) {
        return withMConductance(cell, shift, Map.of());
    }

    /** The cell with the constant conductance gM p towards EK merged into its leak, and {@code others} set. */
    private static Cell withMConductance(HodgkinHuxleyCell hh, double p, Map<String, Object> others) {
        double g = hh.gM * p;
        double gL = hh.gL + g;
        if (!(gL > 0)) {
            throw new IllegalArgumentException("the M gate moved by " + p + " leaves " + hh.name()
                    + " a leak conductance of " + gL * 1e9 + " nS: it must stay positive");
        }
        Map<String, Object> values = new HashMap<>(others);
        values.put("gl_ns", gL * 1e9);
        values.put("el_mv", (hh.gL * hh.eL + g * hh.eK) / gL * 1e3);
        return hh.with(values);
    }
}
